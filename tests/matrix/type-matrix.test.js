// The type × position matrix: every type of types.js in every position of
// positions.js, read and written through a module generated for the type
// and imported through zigport's loader, in each mode. One test per cell,
// named `<type> as <position>`: cells Zig refuses are skipped with Zig's
// reason, cells zigport refuses by design check that refusal, and cells
// zigport does not support yet are todos naming the error.
import { test, describe } from 'node:test';
import { join } from 'node:path';
import { MODES, TEST_CACHE_DIR, importZigFile } from '../helpers/fixtures.js';
import { cellStatus } from './cells.js';
import { moduleSource, positionsOf, writeModule } from './generate.js';
import { POSITIONS, expectDeclined } from './positions.js';
import { TYPES } from './types.js';

/** Where the generated modules go: the test cache, so the table stays the only source. */
const DIR = join(TEST_CACHE_DIR, 'matrix');

/** Writes the module for `type` in `mode` and imports it as a user would. */
function importMatrixModule(type, mode) {
  const path = writeModule(DIR, `${type.id}-${mode}`, moduleSource(type, positionsOf(type, mode)));
  return importZigFile(path, { mode });
}

for (const mode of MODES) {
  describe(`${mode}: type × position matrix`, () => {
    for (const type of TYPES) {
      // Loaded by the first cell that needs it.
      let loaded;
      const load = () => (loaded ??= importMatrixModule(type, mode));
      for (const position of POSITIONS) {
        const name = `${type.T} as ${position.name}`;
        const { refused, declined, todo, unloadable } = cellStatus(type, position, mode);
        if (refused) {
          test(name, { skip: `refused by Zig: ${refused}` });
        } else if (declined) {
          test(`${name} is declined`, async () => expectDeclined(position, await load(), declined));
        } else if (unloadable) {
          test(name, { todo });
        } else {
          test(name, { todo }, async () => position.check(type, await load()));
        }
      }
    }
  });
}
