-- Bloc file format, version 2: the register of issued documents, and page profiles as data.
-- Documented in docs/file-format.md. Both tables are rebuilt (SQLite cannot drop a CHECK).

-- The bloc's profile names a profile file (resources/profiles/<id>.json), no longer a fixed pair.
CREATE TABLE bloc_v2 (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    council     TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    profile     TEXT NOT NULL DEFAULT 'state' CHECK (profile <> ''),
    superior    TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
INSERT INTO bloc_v2 SELECT id, name, council, place, profile, superior, code, created_at FROM bloc;
DROP TABLE bloc;
ALTER TABLE bloc_v2 RENAME TO bloc;

-- One row per issued (numbered) document of a year: a reprint reads its row back.
-- series: the count the number belongs to ('năm 2019', or 'nhiệm kỳ 2015-2020 · BB').
CREATE TABLE documents_v2 (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    type_code    TEXT NOT NULL,
    profile      TEXT NOT NULL,
    series       TEXT NOT NULL,
    number       INTEGER NOT NULL CHECK (number >= 1),
    number_text  TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    issued_by    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (series, number),
    UNIQUE (year, kind)
);
INSERT INTO documents_v2 (id, year, kind, type_code, profile, series, number, number_text,
                          issued_on, title, created_at)
    SELECT id, year, kind, type_code, 'state', 'năm ' || number_year, number, '', issued_on,
           title, created_at FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
