import { createNetwork, NotFoundError, type Network } from '@eduset/core';
import type { SqlParam, SqlRow, SqlSession } from './database.js';

/** A row to insert: column name → value (`null` for an absent optional field). */
type Row = Readonly<Record<string, SqlParam>>;

/** Column name → SQL type, as `jsonb_to_recordset` needs them. */
type Columns = Readonly<Record<string, string>>;

/**
 * Inserts all rows of one table in one statement: the rows travel as one JSON parameter and
 * `jsonb_to_recordset` turns them back into typed columns. One round trip per table, the
 * same SQL on both engines, and no statement grows with the number of rows.
 */
async function insertRows(
  session: SqlSession,
  table: string,
  networkId: string,
  columns: Columns,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name] ?? 'text'}`).join(', ');
  await session.query(
    `INSERT INTO ${table} (network_id, ${names.join(', ')})
     SELECT $1, ${names.join(', ')} FROM jsonb_to_recordset($2::jsonb) AS r(${definitions})`,
    [networkId, JSON.stringify(rows)],
  );
}

/** `undefined` (an absent optional field) is stored as SQL `NULL`. */
function nullable<T extends SqlParam>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/**
 * Replaces the stored network with this one, inside the caller's transaction. The network
 * row is upserted first: that locks it, so two concurrent saves of one network run one
 * after the other instead of colliding on its id.
 */
export async function writeNetwork(session: SqlSession, network: Network): Promise<void> {
  const id = network.id;
  await session.query(
    `INSERT INTO networks (id, name, municipality, time_zone, note, saved_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (id) DO UPDATE SET
       name = excluded.name, municipality = excluded.municipality,
       time_zone = excluded.time_zone, note = excluded.note, saved_at = excluded.saved_at`,
    [id, network.name, network.municipality, network.timeZone, nullable(network.note)],
  );
  // Children first; the link tables go with their owners (ON DELETE CASCADE).
  for (const table of ['specialists', 'sites', 'services', 'organizations']) {
    await session.query(`DELETE FROM ${table} WHERE network_id = $1`, [id]);
  }

  await insertRows(
    session,
    'organizations',
    id,
    {
      id: 'text',
      position: 'integer',
      name: 'text',
      short_name: 'text',
      kind: 'text',
      level: 'text',
      address: 'text',
      note: 'text',
    },
    network.organizations.map((organization, position) => ({
      id: organization.id,
      position,
      name: organization.name,
      short_name: nullable(organization.shortName),
      kind: organization.kind,
      level: nullable(organization.level),
      address: nullable(organization.address),
      note: nullable(organization.note),
    })),
  );
  await insertRows(
    session,
    'services',
    id,
    {
      id: 'text',
      position: 'integer',
      name: 'text',
      name_en: 'text',
      free: 'boolean',
      note: 'text',
    },
    network.services.map((service, position) => ({
      id: service.id,
      position,
      name: service.name,
      name_en: nullable(service.nameEn),
      free: service.free,
      note: nullable(service.note),
    })),
  );
  await insertRows(
    session,
    'sites',
    id,
    {
      id: 'text',
      position: 'integer',
      kind: 'text',
      name: 'text',
      host_organization_id: 'text',
      age_from: 'integer',
      age_to: 'integer',
      address: 'text',
      latitude: 'double precision',
      longitude: 'double precision',
      phone: 'text',
      note: 'text',
    },
    network.sites.map((site, position) => ({
      id: site.id,
      position,
      kind: site.kind,
      name: site.name,
      host_organization_id: site.hostOrganizationId,
      age_from: site.ages.from,
      age_to: site.ages.to,
      address: nullable(site.address),
      latitude: nullable(site.coordinates?.lat),
      longitude: nullable(site.coordinates?.lon),
      phone: nullable(site.phone),
      note: nullable(site.note),
    })),
  );
  await insertRows(
    session,
    'site_school_years',
    id,
    { site_id: 'text', position: 'integer', school_year: 'text' },
    network.sites.flatMap((site) =>
      site.activeYears.map((year, position) => ({ site_id: site.id, position, school_year: year })),
    ),
  );
  await insertRows(
    session,
    'site_services',
    id,
    { site_id: 'text', position: 'integer', service_id: 'text' },
    network.sites.flatMap((site) =>
      site.serviceIds.map((serviceId, position) => ({
        site_id: site.id,
        position,
        service_id: serviceId,
      })),
    ),
  );
  await insertRows(
    session,
    'specialists',
    id,
    { id: 'text', position: 'integer', name: 'text', note: 'text' },
    network.specialists.map((specialist, position) => ({
      id: specialist.id,
      position,
      name: specialist.name,
      note: nullable(specialist.note),
    })),
  );
  const links = [
    ['specialist_roles', 'role', (s: Network['specialists'][number]) => s.roles],
    ['specialist_sites', 'site_id', (s: Network['specialists'][number]) => s.siteIds],
    ['specialist_services', 'service_id', (s: Network['specialists'][number]) => s.serviceIds],
  ] as const;
  for (const [table, column, values] of links) {
    await insertRows(
      session,
      table,
      id,
      { specialist_id: 'text', position: 'integer', [column]: 'text' },
      network.specialists.flatMap((specialist) =>
        values(specialist).map((value: string, position) => ({
          specialist_id: specialist.id,
          position,
          [column]: value,
        })),
      ),
    );
  }
}

/** Reads a text column that may be `NULL` as an optional field. */
function optional(row: SqlRow, column: string): string | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : String(value);
}

/** Adds a field to an object only when it has a value, so absent stays absent. */
function withOptional(
  target: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) result[key] = value;
  return result;
}

/** Groups `(owner, value)` rows, already ordered by owner and position, into lists. */
function groupLists(rows: readonly SqlRow[], owner: string, column: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const row of rows) {
    const key = String(row[owner]);
    const list = lists.get(key) ?? [];
    list.push(String(row[column]));
    lists.set(key, list);
  }
  return lists;
}

/**
 * Reads one network back, inside the caller's (repeatable-read) transaction, and validates
 * it with core's `createNetwork`, so what leaves the storage is a `Network` like any other.
 *
 * @throws NotFoundError when no network has this id.
 */
export async function readNetwork(session: SqlSession, id: string): Promise<Network> {
  const [network] = await session.query(
    'SELECT id, name, municipality, time_zone, note FROM networks WHERE id = $1',
    [id],
  );
  if (network === undefined) throw new NotFoundError('network', id);
  const select = (table: string, columns: string, order = 'position') =>
    session.query(`SELECT ${columns} FROM ${table} WHERE network_id = $1 ORDER BY ${order}`, [id]);
  const organizations = await select(
    'organizations',
    'id, name, short_name, kind, level, address, note',
  );
  const services = await select('services', 'id, name, name_en, free, note');
  const sites = await select(
    'sites',
    'id, kind, name, host_organization_id, age_from, age_to, address, latitude, longitude, phone, note',
  );
  const siteYears = groupLists(
    await select('site_school_years', 'site_id, school_year', 'site_id, position'),
    'site_id',
    'school_year',
  );
  const siteServices = groupLists(
    await select('site_services', 'site_id, service_id', 'site_id, position'),
    'site_id',
    'service_id',
  );
  const specialists = await select('specialists', 'id, name, note');
  const specialistList = async (table: string, column: string) =>
    groupLists(
      await select(table, `specialist_id, ${column}`, 'specialist_id, position'),
      'specialist_id',
      column,
    );
  const roles = await specialistList('specialist_roles', 'role');
  const specialistSites = await specialistList('specialist_sites', 'site_id');
  const specialistServices = await specialistList('specialist_services', 'service_id');

  return createNetwork(
    withOptional(
      {
        id: network.id,
        name: network.name,
        municipality: network.municipality,
        timeZone: network.time_zone,
        organizations: organizations.map((row) =>
          withOptional(
            { id: row.id, name: row.name, kind: row.kind },
            {
              shortName: optional(row, 'short_name'),
              level: optional(row, 'level'),
              address: optional(row, 'address'),
              note: optional(row, 'note'),
            },
          ),
        ),
        sites: sites.map((row) =>
          withOptional(
            {
              id: row.id,
              kind: row.kind,
              name: row.name,
              hostOrganizationId: row.host_organization_id,
              activeYears: siteYears.get(String(row.id)) ?? [],
              serviceIds: siteServices.get(String(row.id)) ?? [],
              ages: { from: row.age_from, to: row.age_to },
            },
            {
              address: optional(row, 'address'),
              coordinates:
                row.latitude === null || row.longitude === null
                  ? undefined
                  : { lat: row.latitude, lon: row.longitude },
              phone: optional(row, 'phone'),
              note: optional(row, 'note'),
            },
          ),
        ),
        specialists: specialists.map((row) =>
          withOptional(
            {
              id: row.id,
              name: row.name,
              roles: roles.get(String(row.id)) ?? [],
              siteIds: specialistSites.get(String(row.id)) ?? [],
              serviceIds: specialistServices.get(String(row.id)) ?? [],
            },
            { note: optional(row, 'note') },
          ),
        ),
        services: services.map((row) =>
          withOptional(
            { id: row.id, name: row.name, free: row.free },
            { nameEn: optional(row, 'name_en'), note: optional(row, 'note') },
          ),
        ),
      },
      { note: optional(network, 'note') },
    ),
  );
}

/**
 * A short description of a stored network, for lists.
 *
 * @example
 * ```ts
 * import type { NetworkSummary } from '@eduset/adapters';
 * const summary: NetworkSummary = { id: 'udomlya', name: 'Служба помощи родителям', municipality: 'Удомля' };
 * ```
 */
export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
}

/** Every stored network, ordered by id. */
export async function listNetworkSummaries(session: SqlSession): Promise<NetworkSummary[]> {
  const rows = await session.query('SELECT id, name, municipality FROM networks ORDER BY id');
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    municipality: String(row.municipality),
  }));
}
