import * as z from 'zod/mini';

// The schemas the public elements reach (common, network, schools, the survey, course
// timetables, indicator reports) are written with `zod/mini` and import `z` from here: mini's
// functional API lets a bundler keep only the checks a schema uses, so an element no longer
// loads zod classic (which carries its JSON-schema conversion in every schema). Mini schemas
// are zod v4 core types: classic schemas nest them, the server validates with them and
// generates OpenAPI from them. Like common/zod.ts, zod runs jitless in a browser (strict
// Content-Security-Policy pages, no 'unsafe-eval'), set here before any schema is built;
// the switch is zod's one global configuration, shared by classic and mini.
if (typeof (globalThis as { document?: unknown }).document !== 'undefined') {
  z.config({ jitless: true });
}

export { z };
