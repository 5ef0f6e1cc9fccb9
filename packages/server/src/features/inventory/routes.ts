import {
  can,
  isEdusetError,
  inventoryImportBodySchema,
  inventoryImportReportSchema,
  inventorySummary,
  inventorySummarySchema,
  roomFilterOfQuery,
  roomListSchema,
  roomsQuerySchema,
  searchRooms,
  searchStaff,
  staffFilterOfQuery,
  staffListSchema,
  staffQuerySchema,
  type Action,
  type InventoryImportReport,
  type InventorySummary,
  type RoomList,
  type StaffList,
} from '@eduset/core';
import {
  importInventoryRooms,
  importInventoryStaff,
  type ImportResult,
  type Storage,
} from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';

/**
 * What the inventory routes need: the store and the network whose inventory they serve (the
 * coordinator's grants are checked against it).
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import type { InventoryRoutesOptions } from '@eduset/server';
 * const options: InventoryRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   networkId: 'michurinsk',
 * };
 * ```
 */
export interface InventoryRoutesOptions {
  readonly storage: Pick<Storage, 'inventory'>;
  /** The network of the inventory. */
  readonly networkId: string;
}

/** An import file may be up to 5 MB (base64 makes it a third larger). */
const importBodyLimit = 7 * 1024 * 1024 + 4096;

const unreadable = (error: unknown): Error =>
  isEdusetError(error)
    ? error
    : new HttpError(400, 'unreadable_file', {
        ru: `Файл не прочитан: ${error instanceof Error ? error.message : String(error)}`,
        en: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });

/**
 * The inventory of shared rooms and staff as a Fastify plugin:
 *
 * - `GET /api/inventory/summary` (public) — counts and m² in total, by kind of organization
 *   and by kind of activity; staff only as counts, no names;
 * - `GET /api/inventory/rooms?equipment=&minCapacity=&weekday=&from=&to=&organization=&activity=&stepFree=`
 *   (`inventory.read`) — the rooms that satisfy every filter;
 * - `GET /api/inventory/staff?subject=&organization=` (`inventory.read`) — the staff willing
 *   to teach (names: every read is audited);
 * - `POST /api/inventory/import` (`inventory.write`) — a CSV or XLSX file of rooms or of
 *   staff replaces that part; the answer lists every rejected row with its reasons, and
 *   nothing is saved when a row is rejected unless `saveAccepted` is true (audited write).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { openStorage } from '@eduset/adapters';
 * import { inventoryRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(inventoryRoutes({ storage: await openStorage({ dataDir: 'memory://' }), networkId: 'michurinsk' }));
 * ```
 */
export function inventoryRoutes(options: InventoryRoutesOptions): FastifyPluginAsync {
  const { storage, networkId } = options;
  const store = storage.inventory;

  const allow = (request: FastifyRequest, action: Action, personal = false): void => {
    if (!can(request.actor, action, { networkId, ...(personal ? { personal: true } : {}) })) {
      throw forbidden();
    }
  };

  const report = <T>(
    part: 'rooms' | 'staff',
    result: ImportResult<T>,
    saved: boolean,
    summary?: InventorySummary,
  ): InventoryImportReport => ({
    part,
    saved,
    rows: result.rows,
    accepted: result.accepted.length,
    rejected: result.rejected.map((row) => ({
      row: row.row,
      cells: [...row.cells],
      issues: row.issues.map((issue) => issue.message),
    })),
    ...(summary === undefined ? {} : { summary }),
  });

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);

    api.get(
      '/api/inventory/summary',
      {
        config: { access: { public: true } },
        schema: { response: { 200: inventorySummarySchema } },
      },
      async (): Promise<InventorySummary> => store.summary(networkId),
    );

    api.get(
      '/api/inventory/rooms',
      {
        config: { access: { action: 'inventory.read' } },
        schema: { querystring: roomsQuerySchema, response: { 200: roomListSchema } },
      },
      async (request): Promise<RoomList> => {
        allow(request, 'inventory.read');
        const inventory = await store.load(networkId);
        return {
          rooms: searchRooms(inventory.rooms, roomFilterOfQuery(request.query)),
          total: inventory.rooms.length,
          organizations: inventory.organizations,
        };
      },
    );

    api.get(
      '/api/inventory/staff',
      {
        config: { access: { action: 'inventory.read' } },
        schema: { querystring: staffQuerySchema, response: { 200: staffListSchema } },
      },
      async (request): Promise<StaffList> => {
        allow(request, 'inventory.read', true);
        const inventory = await store.load(networkId);
        const staff = searchStaff(inventory.staff, staffFilterOfQuery(request.query));
        // audit: inventory.read — the names of the staff shown, by id.
        request.audit({
          action: 'inventory.read',
          networkId,
          recordIds: staff.map((member) => member.id),
        });
        return { staff, total: inventory.staff.length, organizations: inventory.organizations };
      },
    );

    api.post(
      '/api/inventory/import',
      {
        bodyLimit: importBodyLimit,
        config: { access: { action: 'inventory.write' } },
        schema: { body: inventoryImportBodySchema, response: { 200: inventoryImportReportSchema } },
      },
      async (request): Promise<InventoryImportReport> => {
        allow(request, 'inventory.write');
        const body = request.body;
        const bytes = new Uint8Array(Buffer.from(body.content, 'base64'));
        const saveAll = body.saveAccepted === true;
        request.auditWrite({ networkId, recordIds: [body.part] });
        if (body.part === 'rooms') {
          const imported = await importInventoryRooms(bytes, { fileName: body.fileName }).catch(
            (error: unknown) => {
              throw unreadable(error);
            },
          );
          const { result } = imported;
          if (result.rejected.length > 0 && !saveAll) return report('rooms', result, false);
          const saved = await store.replace(networkId, {
            organizations: imported.organizations,
            rooms: result.accepted.map((row) => row.record),
          });
          return report('rooms', result, true, inventorySummary(saved));
        }
        const known = new Set((await store.load(networkId)).organizations.map((o) => o.id));
        const result = await importInventoryStaff(bytes, {
          fileName: body.fileName,
          organizations: known,
        }).catch((error: unknown) => {
          throw unreadable(error);
        });
        if (result.rejected.length > 0 && !saveAll) return report('staff', result, false);
        const saved = await store.replace(networkId, {
          staff: result.accepted.map((row) => row.record),
        });
        return report('staff', result, true, inventorySummary(saved));
      },
    );
  };
}
