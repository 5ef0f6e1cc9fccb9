import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { can, type Instant } from '@eduset/core';
import {
  catalogDataElements,
  indicatorValuesImportQuerySchema,
  indicatorValuesImportReportSchema,
  type IndicatorValuesImportReport,
} from '@eduset/core/indicators';
import {
  importDataValues,
  parseOrgUnits,
  type IndicatorValueFileImportResult,
  type Storage,
} from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { forbidden } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';
import { acceptFileBodies, fileBodyLimit, fileBodyOf } from '../../plugins/file-body.js';

/**
 * Options of {@link indicatorValueRoutes}.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { IndicatorValueRoutesOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: IndicatorValueRoutesOptions = {
 *   storage, now: () => instant(new Date()), networkId: 'udomlya', dataDir: 'examples/data/indicators',
 * };
 * ```
 */
export interface IndicatorValueRoutesOptions {
  readonly storage: Pick<Storage, 'indicatorValues'>;
  readonly now: () => Instant;
  /**
   * The network whose indicator values this server keeps: the data set the values are stored
   * in, and where staff grants are checked.
   */
  readonly networkId: string;
  /** The indicator data directory: its `org-units.json` lists the org units a row may name. */
  readonly dataDir?: string;
}

function reportOf(
  dataSet: string,
  outcome: IndicatorValueFileImportResult,
): IndicatorValuesImportReport {
  const { result, saved } = outcome;
  return {
    saved: saved !== undefined,
    ...(saved === undefined ? {} : { importId: saved.id }),
    dataSet,
    rows: result.rows,
    accepted: result.accepted.length,
    rejected: result.rejected.map((row) => ({
      row: row.row,
      cells: [...row.cells],
      issues: row.issues.map((issue) => ({
        path: [...issue.path],
        code: issue.code,
        message: issue.message,
      })),
    })),
    values: saved?.valueCount ?? 0,
    periods: saved === undefined ? [] : [...saved.periods],
  };
}

/**
 * `POST /api/staff/indicators/values?file=&saveAccepted=` (`indicators.values.write`) — the
 * body is a CSV or XLSX file of indicator values (long or wide layout, Russian or English
 * headers), read with the data value importer. Every rejected row comes back with its cells
 * and reasons in Russian and English (accepted + rejected = rows). When any row is rejected
 * nothing is saved (422) unless `saveAccepted=true`; otherwise the file's values replace the
 * network's values of the periods it covers, in one transaction (200). Every value's org unit
 * must lie within the asker's grants (403 otherwise, nothing saved). The write is audited
 * with the import's id.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { indicatorValueRoutes } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const server = Fastify();
 * await server.register(
 *   indicatorValueRoutes({ storage, now: () => instant(new Date()), networkId: 'udomlya' }),
 * );
 * ```
 */
export function indicatorValueRoutes(options: IndicatorValueRoutesOptions): FastifyPluginAsync {
  let known: Promise<readonly string[] | undefined> | undefined;
  const knownOrgUnits = (): Promise<readonly string[] | undefined> => {
    known ??= (async () => {
      if (options.dataDir === undefined) return undefined;
      const file = join(options.dataDir, 'org-units.json');
      if (!existsSync(file)) return undefined;
      return parseOrgUnits(await readFile(file, 'utf8'), file).map((unit) => unit.id);
    })();
    return known;
  };
  return async (plain: FastifyInstance) => {
    acceptFileBodies(plain);
    const api = withContracts(plain);
    api.post(
      '/api/staff/indicators/values',
      {
        config: { access: { action: 'indicators.values.write' } },
        bodyLimit: fileBodyLimit,
        schema: {
          querystring: indicatorValuesImportQuerySchema,
          response: {
            200: indicatorValuesImportReportSchema,
            422: indicatorValuesImportReportSchema,
          },
        },
      },
      async (request, reply) => {
        const body = fileBodyOf(request.body, {
          ru: 'Ожидается файл CSV или XLSX со значениями показателей в теле запроса',
          en: 'Expected a CSV or XLSX file of indicator values as the request body',
        });
        const { networkId } = options;
        if (!can(request.actor, 'indicators.values.write', { networkId })) {
          // Out of the network: may still reach some org units (a school's staff) — checked
          // per value below, after reading.
          const anywhere =
            request.actor.kind === 'staff' &&
            request.actor.grants.some((grant) => grant.networkId === networkId);
          if (!anywhere) throw forbidden();
        }
        const textElements = catalogDataElements
          .filter((element) => element.valueType === 'text')
          .map((element) => element.id);
        const orgUnits = await knownOrgUnits();
        const fileName = request.query.file ?? 'upload';
        const saveAccepted = request.query.saveAccepted === 'true';
        const result = await importDataValues(body, {
          fileName,
          textElements,
          dataElements: catalogDataElements.map((element) => element.id),
          ...(orgUnits === undefined ? {} : { orgUnits }),
        });
        // Every value's org unit within the asker's grants, or nothing is saved.
        const outside = result.values.some(
          (value) =>
            !can(request.actor, 'indicators.values.write', {
              networkId,
              organizationId: value.orgUnit,
            }),
        );
        if (outside) throw forbidden();
        if (result.rejected.length > 0 && !saveAccepted) {
          return reply.code(422).send(reportOf(networkId, { result, saved: undefined }));
        }
        const importedBy = request.actor.kind === 'staff' ? request.actor.accountId : 'anonymous';
        const saved =
          result.values.length === 0
            ? undefined
            : await options.storage.indicatorValues.replace({
                dataSet: networkId,
                source: fileName,
                values: result.values,
                importedBy,
                importedAt: options.now(),
              });
        const outcome: IndicatorValueFileImportResult = { result, saved };
        if (saved !== undefined) {
          request.auditWrite({ networkId, recordIds: [`indicator-import-${saved.id}`] });
        }
        return reportOf(networkId, outcome);
      },
    );
  };
}
