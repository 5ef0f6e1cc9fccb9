-- 0030: the inventory of a network's shared resources (issue 17 §1): the organizations of
-- education, culture and sport, the rooms they offer to the network and the staff willing to
-- teach in it.
--
-- Each record is stored as its document (validated by core's `createInventory` before it is
-- written) with the columns a reader filters or sums by. An import replaces a part (the rooms
-- with their organizations, or the staff) of one network in one transaction, under the lock
-- of the network's `inventory_networks` row, so two imports never interleave. The network is
-- the instance's financing network, which need not be a stored network of sites: no foreign
-- key to `networks`.
--
-- Staff documents hold names: personal data, read only through the audited staff route.

CREATE TABLE inventory_networks (
  network_id text PRIMARY KEY CHECK (length(network_id) > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE inventory_organizations (
  network_id text NOT NULL REFERENCES inventory_networks (network_id) ON DELETE CASCADE,
  id text NOT NULL CHECK (length(id) > 0),
  position integer NOT NULL,
  kind text NOT NULL,
  document jsonb NOT NULL,
  PRIMARY KEY (network_id, id)
);

CREATE TABLE inventory_rooms (
  network_id text NOT NULL REFERENCES inventory_networks (network_id) ON DELETE CASCADE,
  id text NOT NULL CHECK (length(id) > 0),
  position integer NOT NULL,
  organization_id text NOT NULL,
  area numeric(12, 2) NOT NULL CHECK (area > 0),
  capacity integer NOT NULL CHECK (capacity > 0),
  document jsonb NOT NULL,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, organization_id) REFERENCES inventory_organizations (network_id, id)
);

CREATE TABLE inventory_staff (
  network_id text NOT NULL REFERENCES inventory_networks (network_id) ON DELETE CASCADE,
  id text NOT NULL CHECK (length(id) > 0),
  position integer NOT NULL,
  organization_id text NOT NULL,
  document jsonb NOT NULL,
  PRIMARY KEY (network_id, id),
  FOREIGN KEY (network_id, organization_id) REFERENCES inventory_organizations (network_id, id)
);
