-- 0001: the network model of @eduset/core (networks, organizations, sites, specialists,
-- services). Every entity is keyed by (network_id, id), so ids are unique within a network
-- and two networks may reuse them. `position` keeps each list in the order it was saved.
-- Lists that belong to one entity (a site's school years and services, a specialist's
-- roles, sites and services) are link tables with their own position.
--
-- The database enforces what keeps the data whole under concurrent writers: keys, unique
-- ids, references, list positions. Vocabularies that core may grow (organization, site and
-- specialist kinds) are validated by core's schemas on save and on load, not repeated here,
-- so adding a kind to core needs no migration.

CREATE TABLE networks (
  id text PRIMARY KEY CHECK (length(id) > 0),
  name text NOT NULL,
  municipality text NOT NULL,
  time_zone text NOT NULL,
  note text,
  saved_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizations (
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  name text NOT NULL,
  short_name text,
  kind text NOT NULL,
  level text,
  address text,
  note text,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, position)
);

CREATE TABLE services (
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  name text NOT NULL,
  name_en text,
  free boolean NOT NULL,
  note text,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, position)
);

CREATE TABLE sites (
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL,
  name text NOT NULL,
  host_organization_id text NOT NULL,
  age_from integer NOT NULL CHECK (age_from >= 0),
  age_to integer NOT NULL,
  address text,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  phone text,
  note text,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, position),
  FOREIGN KEY (network_id, host_organization_id) REFERENCES organizations (network_id, id),
  CHECK (age_from <= age_to),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE INDEX sites_host_organization ON sites (network_id, host_organization_id);

CREATE TABLE site_school_years (
  network_id text NOT NULL,
  site_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  school_year text NOT NULL CHECK (
    school_year ~ '^[0-9]{4}-[0-9]{4}$'
    AND substr(school_year, 6, 4)::integer = substr(school_year, 1, 4)::integer + 1
  ),
  PRIMARY KEY (network_id, site_id, position),
  UNIQUE (network_id, site_id, school_year),
  FOREIGN KEY (network_id, site_id) REFERENCES sites (network_id, id) ON DELETE CASCADE
);

CREATE INDEX site_school_years_year ON site_school_years (network_id, school_year);

CREATE TABLE site_services (
  network_id text NOT NULL,
  site_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  service_id text NOT NULL,
  PRIMARY KEY (network_id, site_id, position),
  FOREIGN KEY (network_id, site_id) REFERENCES sites (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, service_id) REFERENCES services (network_id, id) ON DELETE CASCADE
);

CREATE INDEX site_services_service ON site_services (network_id, service_id);

CREATE TABLE specialists (
  network_id text NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  name text NOT NULL,
  note text,
  PRIMARY KEY (network_id, id),
  UNIQUE (network_id, position)
);

CREATE TABLE specialist_roles (
  network_id text NOT NULL,
  specialist_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  role text NOT NULL,
  PRIMARY KEY (network_id, specialist_id, position),
  FOREIGN KEY (network_id, specialist_id) REFERENCES specialists (network_id, id) ON DELETE CASCADE
);

CREATE TABLE specialist_sites (
  network_id text NOT NULL,
  specialist_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  site_id text NOT NULL,
  PRIMARY KEY (network_id, specialist_id, position),
  FOREIGN KEY (network_id, specialist_id) REFERENCES specialists (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, site_id) REFERENCES sites (network_id, id) ON DELETE CASCADE
);

CREATE INDEX specialist_sites_site ON specialist_sites (network_id, site_id);

CREATE TABLE specialist_services (
  network_id text NOT NULL,
  specialist_id text NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  service_id text NOT NULL,
  PRIMARY KEY (network_id, specialist_id, position),
  FOREIGN KEY (network_id, specialist_id) REFERENCES specialists (network_id, id) ON DELETE CASCADE,
  FOREIGN KEY (network_id, service_id) REFERENCES services (network_id, id) ON DELETE CASCADE
);

CREATE INDEX specialist_services_service ON specialist_services (network_id, service_id);
