-- Control areas imported as a starting state (e.g. a published control map). They are not
-- claims: a claim is a place and a sentence, these are polygons with no place to pin them to.
-- The control model lays them under the claims from their day on.

CREATE TABLE imported_areas (
    id TEXT PRIMARY KEY,                    -- hash of side, day and the source file's bytes
    side TEXT NOT NULL,
    valid_day INTEGER NOT NULL,             -- days since 1970-01-01, like claims
    geometry TEXT NOT NULL,                 -- GeoJSON (Multi)Polygon, WGS 84
    source TEXT NOT NULL,                   -- file name it came from
    properties TEXT NOT NULL DEFAULT '{}',
    imported_at TEXT NOT NULL
);
CREATE INDEX imported_areas_day ON imported_areas (valid_day);

-- The web filters events by source and date precision alongside day.
CREATE INDEX events_source_day ON events (source, day);
