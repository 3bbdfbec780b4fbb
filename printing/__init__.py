"""Documents and spreadsheets rendered from plain records: no Qt, no database."""
