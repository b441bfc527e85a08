// Cells of the matrix that Zig refuses fail when the module is imported, as
// a compile error carrying Zig's message, not later when JS loads or reads
// them. One cell per distinct refusal in types.js (a module holding just
// that cell), so every kind of refusal is checked at the cost of one failed
// compile each.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MODES, TEST_CACHE_DIR, importZigFile } from '../helpers/fixtures.js';
import { moduleSource, writeModule } from './generate.js';
import { position } from './positions.js';
import { TYPES } from './types.js';

const DIR = join(TEST_CACHE_DIR, 'matrix-refused');

/** The first cell refused with each distinct Zig message: [{ type, position, message }]. */
function oneCellPerRefusal() {
  const cells = new Map();
  for (const type of TYPES) {
    for (const [name, message] of Object.entries(type.refused)) {
      if (!cells.has(message)) cells.set(message, { type, position: position(name), message });
    }
  }
  return [...cells.values()];
}

for (const mode of MODES) {
  describe(`${mode}: type × position cells Zig refuses`, () => {
    for (const { type, position: where, message } of oneCellPerRefusal()) {
      test(`${type.T} as ${where.name} fails to compile with Zig's error`, async () => {
        const name = `${type.id}-${where.name.replace(/\W+/g, '-')}-${mode}`;
        const path = writeModule(DIR, name, moduleSource(type, [where]));
        await assert.rejects(importZigFile(path, { mode }), (err) => {
          assert.equal(err.name, 'ZigCompileError');
          assert.match(err.message, new RegExp(`${name}\\.zig:\\d+:\\d+: error: .*${escape(message)}`));
          return true;
        });
      });
    }
  });
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
