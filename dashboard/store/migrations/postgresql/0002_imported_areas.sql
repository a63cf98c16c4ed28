-- Control areas imported as a starting state (e.g. a published control map). They are not
-- claims: a claim is a place and a sentence, these are polygons with no place to pin them to.
-- The control model lays them under the claims from their day on.

CREATE TABLE imported_areas (
    id text PRIMARY KEY,
    side text NOT NULL,
    valid_day integer NOT NULL,
    geometry jsonb NOT NULL,
    source text NOT NULL,
    properties jsonb NOT NULL DEFAULT '{}',
    imported_at timestamptz NOT NULL,
    geom geometry (Geometry, 4326) GENERATED ALWAYS AS (
        ST_SetSRID(ST_GeomFromGeoJSON(geometry::text), 4326)
    ) STORED
);
CREATE INDEX imported_areas_day ON imported_areas (valid_day);
CREATE INDEX imported_areas_geom ON imported_areas USING gist (geom);

-- The web filters events by source and date precision alongside day.
CREATE INDEX events_source_day ON events (source, day);
