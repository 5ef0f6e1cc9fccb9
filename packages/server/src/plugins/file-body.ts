import type { LocalizedText } from '@eduset/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';

/** The largest uploaded file a route takes as its body: 10 MiB. */
export const fileBodyLimit = 10 * 1024 * 1024;

/** The types an uploaded CSV or XLSX file may come with (its bytes are read either way). */
const fileTypes = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/**
 * Lets the routes of a plugin take a CSV or XLSX file as the request body, as its bytes
 * (whatever the type says), up to {@link fileBodyLimit}.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { acceptFileBodies } from './file-body.js';
 * acceptFileBodies(Fastify());
 * ```
 */
export function acceptFileBodies(server: FastifyInstance): void {
  server.addContentTypeParser(
    fileTypes,
    { parseAs: 'buffer', bodyLimit: fileBodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );
}

/**
 * The uploaded file of a request body, or a bilingual 400 `file_expected` that says which
 * file was expected.
 *
 * @example
 * ```ts
 * import { fileBodyOf } from './file-body.js';
 * fileBodyOf(Buffer.from('a;b'), { ru: 'Нужен файл', en: 'A file is needed' }).length; // 3
 * ```
 */
export function fileBodyOf(body: unknown, expected: LocalizedText): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new HttpError(400, 'file_expected', expected);
  }
  return body;
}
