-- The first schema. Dates of events and claims are day numbers (days since 1970-01-01) so
-- range queries compare integers; events are also boxed in an R*Tree over (lon, lat, day).

CREATE TABLE articles (
    id TEXT PRIMARY KEY,                    -- content hash
    source TEXT,
    url TEXT,
    path TEXT,
    title TEXT,
    language TEXT NOT NULL,
    language_confidence REAL NOT NULL,
    published TEXT,                         -- ISO date
    published_origin TEXT NOT NULL,
    published_confidence REAL NOT NULL,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    paragraphs TEXT NOT NULL DEFAULT '[]',
    record INTEGER,
    ingested_at TEXT NOT NULL,
    pipeline_version TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT
);

CREATE TABLE place_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    place_id TEXT NOT NULL REFERENCES places (id),
    confidence REAL NOT NULL,
    precision TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX place_mentions_place ON place_mentions (place_id);

CREATE TABLE events (
    seq INTEGER PRIMARY KEY,                -- stable rowid the R*Tree points at
    id TEXT NOT NULL UNIQUE,
    article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    day INTEGER,
    date_precision TEXT NOT NULL,
    lon REAL,                               -- of the first (main) place
    lat REAL,
    place_id TEXT,
    place_name TEXT,
    sides TEXT NOT NULL DEFAULT '',         -- comma-joined, for map rows; event_sides for filters
    places TEXT NOT NULL,                   -- JSON list of PlaceMention
    actors TEXT NOT NULL,                   -- JSON list of ActorMention
    source TEXT,
    sentence TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    date_text TEXT,
    date_start INTEGER,
    date_end INTEGER,
    attribution TEXT,
    negated INTEGER NOT NULL,
    confidence REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('automatic', 'confirmed', 'rejected')),
    fatalities INTEGER,
    notes TEXT
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE event_sides (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    side TEXT NOT NULL,
    PRIMARY KEY (event_id, side)
) WITHOUT ROWID;
CREATE INDEX event_sides_side ON event_sides (side, event_id);

CREATE VIRTUAL TABLE event_boxes USING rtree (id, min_lon, max_lon, min_lat, max_lat, min_day, max_day);

CREATE TRIGGER events_box_insert AFTER INSERT ON events
WHEN NEW.day IS NOT NULL AND NEW.lon IS NOT NULL AND NEW.lat IS NOT NULL
BEGIN
    INSERT INTO event_boxes VALUES (NEW.seq, NEW.lon, NEW.lon, NEW.lat, NEW.lat, NEW.day, NEW.day);
END;

CREATE TRIGGER events_box_delete AFTER DELETE ON events
BEGIN
    DELETE FROM event_boxes WHERE id = OLD.seq;
END;

CREATE TRIGGER events_box_update AFTER UPDATE OF seq, lon, lat, day ON events
BEGIN
    DELETE FROM event_boxes WHERE id = OLD.seq;
    INSERT INTO event_boxes
    SELECT NEW.seq, NEW.lon, NEW.lon, NEW.lat, NEW.lat, NEW.day, NEW.day
    WHERE NEW.day IS NOT NULL AND NEW.lon IS NOT NULL AND NEW.lat IS NOT NULL;
END;

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    place_id TEXT NOT NULL,
    place_name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    precision TEXT NOT NULL,
    side TEXT NOT NULL,
    valid_day INTEGER NOT NULL,
    kind TEXT NOT NULL,
    fraction REAL,
    article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
    event_id TEXT,
    sentence TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('automatic', 'confirmed', 'rejected')),
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claims_valid_day ON claims (valid_day);
CREATE INDEX claims_place ON claims (place_id, valid_day);
CREATE INDEX claims_article ON claims (article_id);

CREATE TABLE control_snapshots (
    day INTEGER PRIMARY KEY,                -- change point: valid until the next snapshot
    created_at TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE control_features (
    day INTEGER NOT NULL REFERENCES control_snapshots (day) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    side TEXT,
    kind TEXT NOT NULL,
    geometry TEXT NOT NULL,                 -- GeoJSON geometry, WGS 84
    properties TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (day, ord)
);

CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'status')),
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX change_log_row ON change_log (table_name, row_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'change_log is append-only');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'change_log is append-only');
END;
