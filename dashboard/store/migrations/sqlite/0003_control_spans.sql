-- Control snapshots keep each feature once per run of change points that show it unchanged
-- (a span), instead of every feature in every snapshot: a late capture then rewrites the few
-- places and areas it changes, not every place of every later snapshot. A snapshot is the
-- spans in force on its day, in the order of ``ord``.

CREATE TABLE control_spans (
    id INTEGER PRIMARY KEY,
    first_day INTEGER NOT NULL,             -- the first change point showing the feature
    end_day INTEGER NOT NULL,               -- the change point it stops at (exclusive);
                                            -- 2147483647 while nothing later replaced it
    ord INTEGER NOT NULL,                   -- position within a snapshot
    digest TEXT,                            -- of side, kind, geometry and properties
    side TEXT,
    kind TEXT NOT NULL,
    geometry TEXT NOT NULL,                 -- GeoJSON geometry, WGS 84
    properties TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX control_spans_end ON control_spans (end_day);

-- The spans in force on a day, found as intervals containing it.
CREATE VIRTUAL TABLE control_span_days USING rtree_i32 (id, first_day, last_day);

CREATE TRIGGER control_spans_days_insert AFTER INSERT ON control_spans
BEGIN
    INSERT INTO control_span_days VALUES (NEW.id, NEW.first_day, NEW.end_day - 1);
END;

CREATE TRIGGER control_spans_days_delete AFTER DELETE ON control_spans
BEGIN
    DELETE FROM control_span_days WHERE id = OLD.id;
END;

CREATE TRIGGER control_spans_days_update AFTER UPDATE OF first_day, end_day ON control_spans
BEGIN
    UPDATE control_span_days SET first_day = NEW.first_day, last_day = NEW.end_day - 1
    WHERE id = NEW.id;
END;

-- Existing snapshots become one-snapshot spans, so they read as before; their digests are
-- unknown, so the next control refresh rewrites what it recomputes.
INSERT INTO control_spans (first_day, end_day, ord, digest, side, kind, geometry, properties)
SELECT f.day,
       COALESCE((SELECT MIN(s.day) FROM control_snapshots s WHERE s.day > f.day), 2147483647),
       f.ord, NULL, f.side, f.kind, f.geometry, f.properties
FROM control_features f;

DROP TABLE control_features;

ALTER TABLE control_snapshots ADD COLUMN digest TEXT;
UPDATE control_snapshots SET metadata = json_remove(metadata, '$.digest');
