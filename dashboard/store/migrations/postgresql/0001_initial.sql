-- The first schema, the same tables as on SQLite. Events carry a PostGIS point generated from
-- lon/lat (GiST) and a day number (B-tree); the planner combines both.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE articles (
    id text PRIMARY KEY,
    source text,
    url text,
    path text,
    title text,
    language text NOT NULL,
    language_confidence double precision NOT NULL,
    published date,
    published_origin text NOT NULL,
    published_confidence double precision NOT NULL,
    format text NOT NULL,
    text text NOT NULL,
    warnings jsonb NOT NULL DEFAULT '[]',
    paragraphs jsonb NOT NULL DEFAULT '[]',
    record integer,
    ingested_at timestamptz NOT NULL,
    pipeline_version text NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE places (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    country text,
    admin1 text
);

CREATE TABLE place_mentions (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord integer NOT NULL,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    text text NOT NULL,
    place_id text NOT NULL REFERENCES places (id),
    confidence double precision NOT NULL,
    precision text NOT NULL,
    sentence_index integer NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX place_mentions_place ON place_mentions (place_id);

CREATE TABLE events (
    id text PRIMARY KEY,
    article_id text REFERENCES articles (id) ON DELETE CASCADE,
    type text NOT NULL,
    day integer,
    date_precision text NOT NULL,
    lon double precision,
    lat double precision,
    place_id text,
    place_name text,
    sides text NOT NULL DEFAULT '',
    places jsonb NOT NULL,
    actors jsonb NOT NULL,
    source text,
    sentence text NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end integer NOT NULL,
    date_text text,
    date_start integer,
    date_end integer,
    attribution text,
    negated boolean NOT NULL,
    confidence double precision NOT NULL,
    status text NOT NULL CHECK (status IN ('automatic', 'confirmed', 'rejected')),
    fatalities integer,
    notes text,
    geom geometry (Point, 4326) GENERATED ALWAYS AS (
        CASE WHEN lon IS NULL OR lat IS NULL THEN NULL
        ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END
    ) STORED
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_geom ON events USING gist (geom);

CREATE TABLE event_sides (
    event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    side text NOT NULL,
    PRIMARY KEY (event_id, side)
);
CREATE INDEX event_sides_side ON event_sides (side, event_id);

CREATE TABLE claims (
    id text PRIMARY KEY,
    place_id text NOT NULL,
    place_name text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    precision text NOT NULL,
    side text NOT NULL,
    valid_day integer NOT NULL,
    kind text NOT NULL,
    fraction double precision,
    article_id text REFERENCES articles (id) ON DELETE CASCADE,
    event_id text,
    sentence text NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end integer NOT NULL,
    confidence double precision NOT NULL,
    status text NOT NULL CHECK (status IN ('automatic', 'confirmed', 'rejected')),
    extra jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX claims_valid_day ON claims (valid_day);
CREATE INDEX claims_place ON claims (place_id, valid_day);
CREATE INDEX claims_article ON claims (article_id);

CREATE TABLE control_snapshots (
    day integer PRIMARY KEY,
    created_at timestamptz NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE control_features (
    day integer NOT NULL REFERENCES control_snapshots (day) ON DELETE CASCADE,
    ord integer NOT NULL,
    side text,
    kind text NOT NULL,
    geometry jsonb NOT NULL,
    properties jsonb NOT NULL DEFAULT '{}',
    geom geometry (Geometry, 4326) GENERATED ALWAYS AS (
        ST_SetSRID(ST_GeomFromGeoJSON(geometry::text), 4326)
    ) STORED,
    PRIMARY KEY (day, ord)
);
CREATE INDEX control_features_geom ON control_features USING gist (geom);

CREATE TABLE change_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    table_name text NOT NULL,
    row_id text NOT NULL,
    action text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'status')),
    detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX change_log_row ON change_log (table_name, row_id);

CREATE FUNCTION change_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'change_log is append-only';
END;
$$;

CREATE TRIGGER change_log_no_update BEFORE UPDATE OR DELETE ON change_log
FOR EACH ROW EXECUTE FUNCTION change_log_refuse();

CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
FOR EACH STATEMENT EXECUTE FUNCTION change_log_refuse();
