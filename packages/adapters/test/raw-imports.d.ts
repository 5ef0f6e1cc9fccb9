// The tests compile the adapters' source under tsconfig.test.json, which does not include
// src/; this brings in the declaration of `*.sql?raw` imports the storage uses.
/// <reference path="../src/sql.d.ts" />
