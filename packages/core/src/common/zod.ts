import { z } from 'zod';

// Every core schema imports `z` from here. Widgets validate with these schemas on municipal
// pages under a strict Content-Security-Policy (no 'unsafe-eval'): zod's JIT probes
// `new Function` while building object schemas, and such a page reports that probe as a
// violation even though zod catches it. So in a browser (a document exists) zod runs
// jitless, set here before any schema is built. On the server (Node, no document) zod keeps
// its default JIT: the booking route validates every request with these schemas, and the
// compiled object parsers are several times faster.
if (typeof (globalThis as { document?: unknown }).document !== 'undefined') {
  z.config({ jitless: true });
}

export { z };
