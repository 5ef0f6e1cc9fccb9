import { z } from '../common/zod.js';
import {
  activityKinds,
  inventoryOrganizationKinds,
  type ActivityKind,
  type Inventory,
  type InventoryOrganizationKind,
} from './model.js';

/** Hundredths of a m², exact for areas given to 0.01 m². */
const hundredths = (area: number): number => Math.round(area * 100);

/**
 * Schema of the public summary of an inventory: counts and m², in total, by kind of
 * organization and by kind of activity. No names of people: staff appear only as counts.
 *
 * @example
 * ```ts
 * import { inventorySummarySchema } from '@eduset/core/inventory';
 * inventorySummarySchema.parse({ organizations: 0, rooms: 0, area: 0, staff: 0, byOrganizationKind: [], byActivity: [] });
 * ```
 */
export const inventorySummarySchema = z.object({
  organizations: z.number().int().min(0),
  rooms: z.number().int().min(0),
  /** Total area, m² (to 0.01). */
  area: z.number().min(0),
  staff: z.number().int().min(0),
  byOrganizationKind: z.array(
    z.object({
      kind: z.enum(inventoryOrganizationKinds),
      organizations: z.number().int().min(0),
      rooms: z.number().int().min(0),
      area: z.number().min(0),
      staff: z.number().int().min(0),
    }),
  ),
  /** A room fit for several kinds counts under each of them. */
  byActivity: z.array(
    z.object({
      activity: z.enum(activityKinds),
      rooms: z.number().int().min(0),
      area: z.number().min(0),
    }),
  ),
});

/** The public summary. @example `declare const s: InventorySummary; s.area;` */
export type InventorySummary = z.infer<typeof inventorySummarySchema>;

/**
 * Counts and m² of an inventory: organizations, rooms, total area and staff, by kind of
 * organization (rooms and staff under their own organization's kind) and by kind of activity
 * (a room under each kind it is fit for, so those rows may add up to more than the total).
 * Kinds with nothing are left out. Areas are summed exactly in hundredths of a m².
 *
 * @example
 * ```ts
 * import { inventorySummary } from '@eduset/core/inventory';
 * inventorySummary({ organizations: [], rooms: [], staff: [] }).area; // 0
 * ```
 */
export function inventorySummary(inventory: Inventory): InventorySummary {
  const kindOf = new Map(inventory.organizations.map((o) => [o.id, o.kind]));
  const byKind = new Map<
    InventoryOrganizationKind,
    { organizations: number; rooms: number; area: number; staff: number }
  >();
  const kindRow = (kind: InventoryOrganizationKind) => {
    let row = byKind.get(kind);
    if (row === undefined) {
      row = { organizations: 0, rooms: 0, area: 0, staff: 0 };
      byKind.set(kind, row);
    }
    return row;
  };
  for (const organization of inventory.organizations) kindRow(organization.kind).organizations += 1;
  const byActivity = new Map<ActivityKind, { rooms: number; area: number }>();
  let total = 0;
  for (const room of inventory.rooms) {
    const area = hundredths(room.area);
    total += area;
    const kind = kindOf.get(room.organizationId);
    if (kind !== undefined) {
      const row = kindRow(kind);
      row.rooms += 1;
      row.area += area;
    }
    for (const activity of new Set(room.activities)) {
      const row = byActivity.get(activity) ?? { rooms: 0, area: 0 };
      row.rooms += 1;
      row.area += area;
      byActivity.set(activity, row);
    }
  }
  for (const member of inventory.staff) {
    const kind = kindOf.get(member.organizationId);
    if (kind !== undefined) kindRow(kind).staff += 1;
  }
  return {
    organizations: inventory.organizations.length,
    rooms: inventory.rooms.length,
    area: total / 100,
    staff: inventory.staff.length,
    byOrganizationKind: inventoryOrganizationKinds
      .filter((kind) => byKind.has(kind))
      .map((kind) => {
        const row = kindRow(kind);
        return { kind, ...row, area: row.area / 100 };
      }),
    byActivity: activityKinds
      .filter((activity) => byActivity.has(activity))
      .map((activity) => {
        const row = byActivity.get(activity) ?? { rooms: 0, area: 0 };
        return { activity, rooms: row.rooms, area: row.area / 100 };
      }),
  };
}
