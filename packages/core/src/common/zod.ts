import { z } from 'zod';

// Every core schema imports `z` from here. Widgets validate with these schemas on municipal
// pages under a strict Content-Security-Policy (no 'unsafe-eval'): zod's JIT probes
// `new Function` while building object schemas, and such a page reports that probe as a
// violation even though zod catches it. Jitless zod never probes and never compiles; it is
// also the same code path in Node and in the browser.
z.config({ jitless: true });

export { z };
