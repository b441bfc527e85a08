// Loads zigport's native addon (built from runtime/ by scripts/build-addon.sh).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = fileURLToPath(new URL('../../native/zigport.node', import.meta.url));
if (!existsSync(path)) {
  throw new Error(`zigport's native addon is missing (${path}); build it with scripts/build-addon.sh`);
}

/** The addon's exports: ZigModule, describe, takeConsoleOutput. */
export const addon = createRequire(import.meta.url)(path);
