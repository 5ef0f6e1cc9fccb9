import { isWalPosition, type FinancingReads } from '@eduset/adapters';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendCookie, cookieOf } from './session.js';

/**
 * The cookie (and request/response header) that carries the primary's WAL position after a
 * write, so that the writer's next reads see the write even when a lagging replica serves
 * reads (`DATABASE_READ_URL`): `eduset_read_after`, header `X-Eduset-Read-After`.
 *
 * @example
 * ```ts
 * import { readAfterCookieName, readAfterHeaderName } from '@eduset/server';
 * readAfterCookieName; // 'eduset_read_after'
 * readAfterHeaderName; // 'x-eduset-read-after'
 * ```
 */
export const readAfterCookieName = 'eduset_read_after';
/** The header twin of {@link readAfterCookieName} (for clients that send no cookies). @example `readAfterHeaderName; // 'x-eduset-read-after'` */
export const readAfterHeaderName = 'x-eduset-read-after';

/**
 * How long after a write its reader insists on seeing it, in seconds: far longer than a
 * healthy replica lags; afterwards the replica serves the reads as for anyone.
 *
 * @example
 * ```ts
 * import { readAfterSeconds } from '@eduset/server';
 * readAfterSeconds; // 120
 * ```
 */
export const readAfterSeconds = 120;

/**
 * The WAL position a request's reads must have seen: its `X-Eduset-Read-After` header, else
 * its `eduset_read_after` cookie; `undefined` when it has none (or a malformed one).
 *
 * @example
 * ```ts
 * import { readAfterOf } from '@eduset/server';
 * import type { FastifyRequest } from 'fastify';
 * declare const request: FastifyRequest;
 * readAfterOf(request); // e.g. '0/3000060'
 * ```
 */
export function readAfterOf(request: FastifyRequest): string | undefined {
  const header = request.headers[readAfterHeaderName];
  const value =
    typeof header === 'string' && header !== '' ? header : cookieOf(request, readAfterCookieName);
  return value !== undefined && isWalPosition(value) ? value : undefined;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Read-your-writes over a read replica: after every successful write of the API (a 2xx
 * answer to POST, PUT, PATCH or DELETE under `/api/`) the answer carries the primary's WAL
 * position — cookie `eduset_read_after` (`Path=/api`, `HttpOnly`, `SameSite=Lax`, for
 * {@link readAfterSeconds}) and header `X-Eduset-Read-After` — and routes that read from the
 * replica give it to {@link FinancingReads} (see {@link readAfterOf}), which serves them from
 * the primary until the replica has replayed that far. Without a replica nothing is
 * registered: no cost per request.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { openStorage } from '@eduset/adapters';
 * import { registerReadYourWrites } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * registerReadYourWrites(server, storage.financingReads);
 * ```
 */
export function registerReadYourWrites(server: FastifyInstance, reads: FinancingReads): void {
  if (!reads.replicated) return;
  server.addHook('onSend', async (request, reply, payload) => {
    if (
      !writeMethods.has(request.method) ||
      reply.statusCode < 200 ||
      reply.statusCode >= 300 ||
      !request.url.startsWith('/api/')
    ) {
      return payload;
    }
    let position: string | undefined;
    try {
      position = await reads.writePosition();
    } catch {
      // The write is done; without its position the reads go on as for anyone.
      return payload;
    }
    if (position === undefined) return payload;
    const secure = request.protocol === 'https' ? '; Secure' : '';
    appendCookie(
      reply,
      `${readAfterCookieName}=${position}; Path=/api; Max-Age=${String(readAfterSeconds)}; HttpOnly; SameSite=Lax${secure}`,
    );
    reply.header(readAfterHeaderName, position);
    return payload;
  });
}
