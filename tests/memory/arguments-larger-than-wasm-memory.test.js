// An argument too large for WebAssembly memory to take a copy of is refused
// with a RangeError that names it and its size, never a trap from inside
// Zig's allocator. Wasm mode only: native mode passes JS memory in place.
// Each test allocates its gibibyte itself, and lets it go when done.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, zigIsAtLeast } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/slice-parameters';
const GIB = 2 ** 30;

for (const mode of MODES.filter((m) => m === 'wasm')) {
  describe(`${mode}: arguments larger than wasm memory can hold`, () => {
    test('a 1 GiB Uint32Array for a []const u32 parameter is a RangeError naming it', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      const huge = new Uint32Array(GIB / 4);
      // Zig 0.17's allocator can place 1 GiB, when memory grows that far.
      if (zigIsAtLeast('0.17.0') && fitsSomehow(() => sum(huge))) return;
      const refusal = refusalOf(() => sum(huge));
      assert.match(refusal.message, /^args\[0\]: .*1073741824 bytes/);
      assert.equal(sum(new Uint32Array([1, 2, 3])), 6n, 'the module still works after the refusal');
    });

    test('a 1 GiB argument among several pointers is a RangeError naming it', async () => {
      const { scale } = await importFixture(FIXTURE, { mode });
      const out = new Int32Array(4);
      // Read and written in place: one 1 GiB cluster for two pointers.
      const huge = new Int32Array(GIB / 4);
      if (zigIsAtLeast('0.17.0') && fitsSomehow(() => scale(huge, 2, huge) ?? 0n)) return;
      const refusal = refusalOf(() => scale(huge, 2, huge));
      assert.match(refusal.message, /^args\[0\]: .*exhausted/);
      scale(new Int32Array([1, 2, 3, 4]), 3, out);
      assert.deepEqual([...out], [3, 6, 9, 12]);
    });
  });
}

/** The RangeError `fn` throws (fails on any other outcome, a RuntimeError from a trap included). */
function refusalOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof RangeError, `expected a RangeError, got ${err?.constructor?.name}: ${err?.message}`);
    return err;
  }
  assert.fail('expected the call to be refused');
}

/** Whether `fn` returns the sum of a zeroed array; false when it throws a RangeError. */
function fitsSomehow(fn) {
  try {
    assert.equal(fn(), 0n);
    return true;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}
