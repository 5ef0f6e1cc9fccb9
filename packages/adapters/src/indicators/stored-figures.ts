import {
  catalogDataElements,
  consultationDataValues,
  createDataset,
  networkOrgUnits,
  parseIndicatorDefinition,
  serviceConsultationIndicators,
  type DataElement,
  type DataValue,
  type IndicatorDataset,
  type IndicatorDefinition,
  type OrgUnit,
} from '@eduset/core';
import type { Storage } from '../storage/storage.js';

/**
 * The indicator data a storage holds: the org units of its networks, the data values counted
 * from its rows (attended consultations and survey answers, see core's
 * `consultationDataValues`) and one «consultations held» definition per service of each
 * network (core's `serviceConsultationIndicators`).
 *
 * @example
 * ```ts
 * import type { StoredIndicatorData } from '@eduset/adapters';
 * declare const stored: StoredIndicatorData;
 * stored.values.filter((value) => value.dataElement === 'consultations-held').length;
 * ```
 */
export interface StoredIndicatorData {
  readonly orgUnits: readonly OrgUnit[];
  readonly values: readonly DataValue[];
  readonly definitions: readonly IndicatorDefinition[];
}

/**
 * Reads the indicator data of every stored network ({@link StoredIndicatorData}): two
 * grouped counts per network (attended bookings by site, service and month in the network's
 * time zone; survey answers by site, service and school year), never a booking or an answer
 * one by one.
 *
 * @example
 * ```ts
 * import { openStorage, storedIndicatorData } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const stored = await storedIndicatorData(storage);
 * stored.values.length; // 0 in an empty storage
 * ```
 */
export async function storedIndicatorData(
  storage: Pick<Storage, 'listNetworks' | 'loadNetwork' | 'feedback'>,
): Promise<StoredIndicatorData> {
  const summaries = await storage.listNetworks();
  const parts = await Promise.all(
    summaries.map(async ({ id }) => {
      const network = await storage.loadNetwork(id);
      const [consultations, surveys] = await Promise.all([
        storage.feedback.consultationTallies(id, network.timeZone),
        storage.feedback.surveyTallies(id),
      ]);
      return {
        orgUnits: networkOrgUnits(network),
        values: consultationDataValues(network, consultations, surveys),
        definitions: serviceConsultationIndicators(network.services).map((input) =>
          parseIndicatorDefinition(input),
        ),
      };
    }),
  );
  const definitions = new Map<string, IndicatorDefinition>();
  for (const part of parts) {
    for (const definition of part.definitions) {
      if (!definitions.has(definition.id)) definitions.set(definition.id, definition);
    }
  }
  return {
    orgUnits: parts.flatMap((part) => part.orgUnits),
    values: parts.flatMap((part) => part.values),
    definitions: [...definitions.values()],
  };
}

/**
 * A dataset of `base` (the files' data, if any) with the stored data added: org units the
 * base does not have (a unit of the same id keeps the base's name and parent), the catalog's
 * data elements the base does not describe, and the stored values.
 *
 * @throws ValidationError when the combination is inconsistent (see core's `createDataset`).
 * @example
 * ```ts
 * import { openStorage, storedIndicatorData, withStoredData } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const dataset = withStoredData(undefined, await storedIndicatorData(storage));
 * dataset.values.length; // 0
 * ```
 */
export function withStoredData(
  base: IndicatorDataset | undefined,
  stored: StoredIndicatorData,
): IndicatorDataset {
  const orgUnits: OrgUnit[] = [...(base?.orgUnits ?? [])];
  const unitIds = new Set(orgUnits.map((unit) => unit.id));
  for (const unit of stored.orgUnits) {
    if (unitIds.has(unit.id)) continue;
    unitIds.add(unit.id);
    orgUnits.push(unit);
  }
  const dataElements: DataElement[] = [...(base?.dataElements ?? [])];
  const elementIds = new Set(dataElements.map((element) => element.id));
  for (const element of catalogDataElements) {
    if (!elementIds.has(element.id)) dataElements.push(element);
  }
  return createDataset({
    dataElements,
    orgUnits,
    values: [...(base?.values ?? []), ...stored.values],
    constants: base?.constants ?? {},
  });
}
