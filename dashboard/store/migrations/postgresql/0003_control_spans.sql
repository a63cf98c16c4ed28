-- Control snapshots keep each feature once per run of change points that show it unchanged
-- (a span), instead of every feature in every snapshot: a late capture then rewrites the few
-- places and areas it changes, not every place of every later snapshot. A snapshot is the
-- spans in force on its day, in the order of ord.

CREATE TABLE control_spans (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_day integer NOT NULL,             -- the first change point showing the feature
    end_day integer NOT NULL,               -- the change point it stops at (exclusive);
                                            -- 2147483647 while nothing later replaced it
    ord bigint NOT NULL,                    -- position within a snapshot
    digest text,                            -- of side, kind, geometry and properties
    side text,
    kind text NOT NULL,
    geometry jsonb NOT NULL,                -- GeoJSON geometry, WGS 84
    properties jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX control_spans_end ON control_spans (end_day);
-- the spans in force on a day, found as ranges containing it
CREATE INDEX control_spans_days ON control_spans USING gist (int4range(first_day, end_day));

-- Existing snapshots become one-snapshot spans, so they read as before; their digests are
-- unknown, so the next control refresh rewrites what it recomputes.
INSERT INTO control_spans (first_day, end_day, ord, digest, side, kind, geometry, properties)
SELECT f.day,
       COALESCE((SELECT MIN(s.day) FROM control_snapshots s WHERE s.day > f.day), 2147483647),
       f.ord, NULL, f.side, f.kind, f.geometry, f.properties
FROM control_features f;

DROP TABLE control_features;

ALTER TABLE control_snapshots ADD COLUMN digest text;
UPDATE control_snapshots SET metadata = metadata - 'digest';
