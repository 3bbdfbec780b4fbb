-- Bloc file format, version 1 (PRAGMA user_version = 1). Documented in docs/file-format.md.
-- Text is NFC. Dates are ISO 'YYYY-MM-DD', times 'HH:MM', timestamps ISO 'YYYY-MM-DDTHH:MM:SS'.
-- Booleans are 0/1. Sort names with the 'vi' collation the application registers
-- (other SQLite tools may use BINARY: the order of Đ, Ă... will differ, nothing else).

CREATE TABLE bloc (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    council     TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    profile     TEXT NOT NULL DEFAULT 'state' CHECK (profile IN ('state', 'party')),
    superior    TEXT NOT NULL DEFAULT '',
    code        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE units (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL UNIQUE,
    short_name   TEXT NOT NULL DEFAULT '',
    code         TEXT NOT NULL DEFAULT '',
    joined_year  INTEGER,
    left_year    INTEGER,
    created_at   TEXT NOT NULL
);

CREATE TABLE years (
    year    INTEGER PRIMARY KEY CHECK (year BETWEEN 1945 AND 2200),
    status  TEXT NOT NULL DEFAULT 'registration'
            CHECK (status IN ('registration', 'pledge', 'scoring', 'meeting', 'closed')),
    note    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE memberships (
    year              INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    unit_id           INTEGER NOT NULL REFERENCES units (id),
    head_name         TEXT NOT NULL DEFAULT '',
    head_title        TEXT NOT NULL DEFAULT '',
    women_70          INTEGER NOT NULL DEFAULT 0 CHECK (women_70 IN (0, 1)),
    discipline        INTEGER NOT NULL DEFAULT 0 CHECK (discipline IN (0, 1)),
    investigation     INTEGER NOT NULL DEFAULT 0 CHECK (investigation IN (0, 1)),
    complaint         INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0, 1)),
    eligibility_note  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, unit_id)
);

CREATE TABLE officers (
    year      INTEGER NOT NULL,
    unit_id   INTEGER NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('head', 'deputy')),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (year, unit_id),
    FOREIGN KEY (year, unit_id) REFERENCES memberships (year, unit_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX officers_one_head ON officers (year) WHERE role = 'head';

CREATE TABLE rules (
    year    INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    source  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, key)
);

CREATE TABLE award_forms (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    level        TEXT NOT NULL DEFAULT '',
    leader_only  INTEGER NOT NULL DEFAULT 0 CHECK (leader_only IN (0, 1)),
    position     INTEGER NOT NULL DEFAULT 0,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE quotas (
    year           INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    award_form_id  INTEGER NOT NULL REFERENCES award_forms (id),
    count          INTEGER NOT NULL CHECK (count >= 0),
    source         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, award_form_id)
);

CREATE TABLE pledges (
    year       INTEGER PRIMARY KEY REFERENCES years (year) ON DELETE CASCADE,
    signed_on  TEXT NOT NULL DEFAULT '',
    place      TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE pledge_contents (
    id        INTEGER PRIMARY KEY,
    year      INTEGER NOT NULL REFERENCES pledges (year) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX pledge_contents_year ON pledge_contents (year, position);

CREATE TABLE registrations (
    year           INTEGER NOT NULL,
    unit_id        INTEGER NOT NULL,
    award_form_id  INTEGER REFERENCES award_forms (id),
    title_aimed    TEXT NOT NULL DEFAULT '',
    targets        TEXT NOT NULL DEFAULT '',
    registered_on  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, unit_id),
    FOREIGN KEY (year, unit_id) REFERENCES memberships (year, unit_id) ON DELETE CASCADE
);

CREATE TABLE criteria (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES criteria (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL DEFAULT 0,
    code         TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL
                 CHECK (kind IN ('group', 'qualitative', 'quantitative', 'numeric', 'bonus')),
    max_points   REAL NOT NULL CHECK (max_points >= 0),
    layer        TEXT NOT NULL DEFAULT 'verified' CHECK (layer IN ('self', 'verified', 'council')),
    reduce       INTEGER NOT NULL DEFAULT 0 CHECK (reduce IN (0, 1)),
    grades       TEXT NOT NULL DEFAULT '[]',
    excess_rate  REAL NOT NULL DEFAULT 0,
    excess_cap   REAL NOT NULL DEFAULT 0,
    guidance     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX criteria_tree ON criteria (year, parent_id, position);

CREATE TABLE penalty_types (
    id        INTEGER PRIMARY KEY,
    year      INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    code      TEXT NOT NULL DEFAULT '',
    title     TEXT NOT NULL,
    points    REAL NOT NULL CHECK (points >= 0),
    source    TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE scores (
    year          INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL,
    criterion_id  INTEGER NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
    layer         TEXT NOT NULL CHECK (layer IN ('self', 'verified', 'council')),
    points        REAL CHECK (points IS NULL OR points >= 0),
    grade         TEXT,
    plan          REAL,
    actual        REAL,
    note          TEXT NOT NULL DEFAULT '',
    entered_by    TEXT NOT NULL DEFAULT '',
    entered_at    TEXT NOT NULL,
    PRIMARY KEY (unit_id, criterion_id, layer),
    FOREIGN KEY (year, unit_id) REFERENCES memberships (year, unit_id) ON DELETE CASCADE
);
CREATE INDEX scores_year ON scores (year, unit_id, criterion_id);

CREATE TABLE penalties (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    unit_id      INTEGER NOT NULL,
    type_id      INTEGER REFERENCES penalty_types (id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    points       REAL NOT NULL CHECK (points >= 0),
    count        INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    note         TEXT NOT NULL DEFAULT '',
    occurred_on  TEXT NOT NULL DEFAULT '',
    entered_by   TEXT NOT NULL DEFAULT '',
    entered_at   TEXT NOT NULL,
    FOREIGN KEY (year, unit_id) REFERENCES memberships (year, unit_id) ON DELETE CASCADE
);
CREATE INDEX penalties_year ON penalties (year, unit_id);

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    year             INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('mid_year', 'year_end')),
    held_on          TEXT NOT NULL DEFAULT '',
    start_time       TEXT NOT NULL DEFAULT '',
    end_time         TEXT NOT NULL DEFAULT '',
    place            TEXT NOT NULL DEFAULT '',
    chair_name       TEXT NOT NULL DEFAULT '',
    chair_title      TEXT NOT NULL DEFAULT '',
    secretary_name   TEXT NOT NULL DEFAULT '',
    secretary_title  TEXT NOT NULL DEFAULT '',
    UNIQUE (year, kind)
);

CREATE TABLE meeting_guests (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE agenda_items (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    title       TEXT NOT NULL,
    opinions    TEXT NOT NULL DEFAULT '',
    conclusion  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE attendance (
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    present         INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    rep_name        TEXT NOT NULL DEFAULT '',
    rep_title       TEXT NOT NULL DEFAULT '',
    absence_reason  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, unit_id)
);

CREATE TABLE counting_committee (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE ballot_rounds (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    purpose        TEXT NOT NULL CHECK (purpose IN ('award', 'head', 'deputy')),
    award_form_id  INTEGER REFERENCES award_forms (id),
    round_no       INTEGER NOT NULL DEFAULT 1 CHECK (round_no >= 1),
    choices        INTEGER NOT NULL DEFAULT 1 CHECK (choices >= 1),
    seats          INTEGER NOT NULL DEFAULT 1 CHECK (seats >= 1),
    note           TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, purpose, award_form_id, round_no)
);

CREATE TABLE ballot_candidates (
    round_id  INTEGER NOT NULL REFERENCES ballot_rounds (id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES units (id),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, unit_id)
);

CREATE TABLE ballot_counts (
    round_id    INTEGER NOT NULL REFERENCES ballot_rounds (id) ON DELETE CASCADE,
    entry       INTEGER NOT NULL CHECK (entry IN (1, 2)),
    issued      INTEGER NOT NULL CHECK (issued >= 0),
    received    INTEGER NOT NULL CHECK (received >= 0),
    valid       INTEGER NOT NULL CHECK (valid >= 0),
    invalid     INTEGER NOT NULL CHECK (invalid >= 0),
    entered_by  TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL,
    PRIMARY KEY (round_id, entry)
);

CREATE TABLE ballot_votes (
    round_id  INTEGER NOT NULL,
    entry     INTEGER NOT NULL CHECK (entry IN (1, 2)),
    unit_id   INTEGER NOT NULL,
    votes     INTEGER NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (round_id, entry, unit_id),
    FOREIGN KEY (round_id, unit_id) REFERENCES ballot_candidates (round_id, unit_id)
        ON DELETE CASCADE,
    FOREIGN KEY (round_id, entry) REFERENCES ballot_counts (round_id, entry) ON DELETE CASCADE
);

-- Next year's officers decided at a meeting without a ballot (rotation, designation) or by the
-- officers after the last round. Elections by ballot are read from the rounds themselves.
CREATE TABLE officer_decisions (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    role        TEXT NOT NULL CHECK (role IN ('head', 'deputy')),
    position    INTEGER NOT NULL DEFAULT 0,
    basis       TEXT NOT NULL CHECK (basis IN ('rotation', 'officers')),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, unit_id)
);
CREATE UNIQUE INDEX officer_decisions_one_head ON officer_decisions (meeting_id)
    WHERE role = 'head';

CREATE TABLE nominations (
    id             INTEGER PRIMARY KEY,
    year           INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    award_form_id  INTEGER NOT NULL REFERENCES award_forms (id),
    round_id       INTEGER REFERENCES ballot_rounds (id) ON DELETE SET NULL,
    achievements   TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (year, unit_id, award_form_id)
);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    type_code    TEXT NOT NULL,
    number       INTEGER NOT NULL CHECK (number >= 1),
    number_year  INTEGER NOT NULL,
    issued_on    TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (type_code, number_year, number)
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_key  TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
