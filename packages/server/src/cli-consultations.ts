import { existsSync, readFileSync } from 'node:fs';
import {
  instant,
  parseBooking,
  surveyAnswerSchema,
  ValidationError,
  type Booking,
  type Instant,
  type ValidationIssue,
} from '@eduset/core';
import type { PastConsultation, Storage } from '@eduset/adapters';
import { z } from 'zod';
import { say } from './cli-shared.js';

// The demo's past years of consultations (examples/data/udomlya-consultations.csv): finished
// bookings with the parents' survey answers, imported once into an empty storage, so that the
// figures of the seed practice — consultations held and parents satisfied — are computed from
// stored rows like any live data.

/** The columns of a history file, in order. */
const columns = [
  'id',
  'start',
  'end',
  'site',
  'service',
  'specialist',
  'childAge',
  'status',
  'satisfied',
  'score',
] as const;

const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/)
  .transform((text) => instant(text));

const rowSchema = z
  .object({
    id: z.string().min(1).max(128),
    start: isoInstant,
    end: isoInstant,
    site: z.string().min(1),
    service: z.string().min(1),
    specialist: z.string().min(1),
    childAge: z.coerce.number().int().min(0).max(25),
    status: z.enum(['attended', 'no-show', 'cancelled-by-parent', 'cancelled-by-site']),
    satisfied: z.enum(['', 'yes', 'no']),
    score: z.union([z.literal(''), z.coerce.number().int().min(1).max(5)]),
  })
  .refine((row) => (row.satisfied === '') === (row.score === ''), {
    path: ['score'],
    message: 'an answer has both «satisfied» and «score»',
  })
  .refine((row) => row.satisfied === '' || row.status === 'attended', {
    path: ['satisfied'],
    message: 'only an attended consultation has an answer',
  });

type HistoryRow = z.output<typeof rowSchema>;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * A history row as a finished booking: made three days before, confirmed at once by the
 * system, marked by the site after the consultation (or cancelled before it), and its
 * contact erased 30 days after it — the demo's past years hold no one's name or phone.
 */
function bookingOfRow(row: HistoryRow): Booking {
  const start = Date.parse(row.start);
  const end = Date.parse(row.end);
  const at = (ms: number): Instant => instant(new Date(ms));
  const created = at(start - 3 * dayMs);
  const finished =
    row.status === 'cancelled-by-parent'
      ? at(start - dayMs)
      : row.status === 'cancelled-by-site'
        ? at(start - 2 * dayMs)
        : at(end + 10 * 60_000);
  return parseBooking({
    id: row.id,
    specialistId: row.specialist,
    siteId: row.site,
    serviceId: row.service,
    start: row.start,
    end: row.end,
    status: row.status,
    childAge: row.childAge,
    contact: { name: '' },
    contactErased: true,
    personalDataConsent: true,
    createdAt: created,
    updatedAt: at(end + 30 * dayMs),
    sequence: 3,
    history: [
      { from: 'requested', to: 'confirmed', at: created, by: 'system' },
      {
        from: 'confirmed',
        to: row.status,
        at: finished,
        by: row.status === 'cancelled-by-parent' ? 'parent' : 'site',
      },
    ],
  });
}

/**
 * Reads a history of past consultations (CSV, comma-separated, with the header
 * `id,start,end,site,service,specialist,childAge,status,satisfied,score`): one finished
 * booking per line — `attended`, `no-show`, `cancelled-by-parent` or `cancelled-by-site` —
 * with the parent's answer (`yes`/`no` and a score from 1 to 5) or none. Instants are UTC
 * (`2019-10-01T07:00:00Z`).
 *
 * @throws ValidationError listing every line that is not a consultation (line and column).
 * @example
 * ```ts
 * import { readConsultationHistory } from '@eduset/server';
 * const past = readConsultationHistory(
 *   'id,start,end,site,service,specialist,childAge,status,satisfied,score\n' +
 *     'h-1,2019-10-01T07:00:00Z,2019-10-01T07:45:00Z,kp-teremok,speech,psy-1,4,attended,yes,5\n',
 * );
 * past[0]?.answer; // { satisfied: true, score: 5 }
 * ```
 */
export function readConsultationHistory(text: string): PastConsultation[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...body] = lines;
  const issues: ValidationIssue[] = [];
  if (header?.trim() !== columns.join(',')) {
    throw new ValidationError([
      {
        path: [1],
        code: 'header',
        message: {
          ru: `Первая строка должна быть заголовком ${columns.join(',')}`,
          en: `The first line must be the header ${columns.join(',')}`,
        },
      },
    ]);
  }
  const consultations: PastConsultation[] = [];
  body.forEach((line, index) => {
    const cells = line.split(',');
    const record = Object.fromEntries(columns.map((name, column) => [name, cells[column] ?? '']));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success || cells.length !== columns.length) {
      const problems = parsed.success
        ? [`${String(cells.length)} columns instead of ${String(columns.length)}`]
        : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      issues.push({
        path: [index + 2],
        code: 'invalid_row',
        message: {
          ru: `Строка ${String(index + 2)}: ${problems.join('; ')}`,
          en: `Line ${String(index + 2)}: ${problems.join('; ')}`,
        },
      });
      return;
    }
    const row = parsed.data;
    try {
      const booking = bookingOfRow(row);
      consultations.push(
        row.satisfied === ''
          ? { booking }
          : {
              booking,
              answer: surveyAnswerSchema.parse({
                satisfied: row.satisfied === 'yes',
                score: row.score,
              }),
            },
      );
    } catch (error) {
      issues.push({
        path: [index + 2],
        code: 'invalid_booking',
        message: {
          ru: `Строка ${String(index + 2)}: не запись (${error instanceof Error ? error.message : String(error)})`,
          en: `Line ${String(index + 2)}: not a booking (${error instanceof Error ? error.message : String(error)})`,
        },
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return consultations;
}

/**
 * Seeds the past consultations of a history file ({@link readConsultationHistory}) into the
 * only stored network, when that network holds no booking yet: the demo's years of the
 * Udomlya parent help service, from which the dashboard computes consultations held and
 * parents satisfied. One transaction of a few bulk statements (about a second for the demo's
 * 1 600 rows). Does nothing when the file is missing, when the storage holds no network or
 * several, or when the file names a site or specialist the network does not have. Returns
 * how many consultations were imported.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { seedConsultationHistoryIfEmpty } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedConsultationHistoryIfEmpty(storage, 'examples/data/udomlya-consultations.csv', console.log);
 * ```
 */
export async function seedConsultationHistoryIfEmpty(
  storage: Storage,
  file: string,
  out: (line: string) => void,
): Promise<number> {
  if (!existsSync(file)) return 0;
  const networks = await storage.listNetworks();
  const [only] = networks;
  if (only === undefined || networks.length > 1) return 0;
  const network = await storage.loadNetwork(only.id);
  const consultations = readConsultationHistory(readFileSync(file, 'utf8'));
  const sites = new Set(network.sites.map((site) => site.id));
  const specialists = new Set(network.specialists.map((specialist) => specialist.id));
  const foreign = consultations.find(
    ({ booking }) => !sites.has(booking.siteId) || !specialists.has(booking.specialistId),
  );
  if (foreign !== undefined) {
    say(out, {
      ru: `прошлые консультации из ${file} не загружены: в сети «${network.id}» нет площадки или специалиста записи «${foreign.booking.id}»`,
      en: `the past consultations of ${file} are not loaded: network "${network.id}" has no site or specialist of booking "${foreign.booking.id}"`,
    });
    return 0;
  }
  const started = Date.now();
  const imported = await storage.feedback.importPastConsultations(network.id, consultations, {
    timeZone: network.timeZone,
    onlyIntoEmpty: true,
  });
  if (imported > 0) {
    const answers = consultations.filter((item) => item.answer !== undefined).length;
    say(out, {
      ru: `прошлые консультации сети «${network.id}» загружены из ${file}: ${imported} записей, ${answers} ответов на опрос (${Date.now() - started} мс)`,
      en: `the past consultations of network "${network.id}" loaded from ${file}: ${imported} bookings, ${answers} survey answers (${Date.now() - started} ms)`,
    });
  }
  return imported;
}
