// A variable of type `E!*T` or `E![]T` reads as what its pointer points at,
// live, or throws the error it holds; assigning JS memory re-points it for
// Zig, and assigning an error stores it. Constants read the same way.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/pointer-error-unions';

for (const mode of MODES) {
  describe(`${mode}: error unions of pointers`, () => {
    test('a pointer error union reads its target live, or throws the error it holds', async () => {
      const { default: zig, lookup, LookupError } = await importFixture(FIXTURE, { mode });
      lookup(9);
      assert.throws(() => zig.last_entry, (err) => err === LookupError.NotFound);
      lookup(2);
      assert.equal(zig.last_entry.score, 0.75);
      zig.last_entry.score = 0.25;
      lookup(2);
      assert.equal(zig.last_entry.score, 0.25, 'the read is of the table itself');
    });

    test('assigning JS memory or an error is what Zig sees', async () => {
      const { default: zig, lastNameLength, LookupError } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.last_name.string, 'ada');
      zig.last_name = 'grace';
      assert.equal(lastNameLength(), 5);
      assert.equal(zig.last_name.string, 'grace');
      zig.last_name = LookupError.Evicted;
      assert.throws(() => lastNameLength(), (err) => err === LookupError.Evicted);
      zig.last_name = 'ada';
    });

    test('a constant error union of a pointer reads its target and refuses writes', async () => {
      const { default: zig, first_entry } = await importFixture(FIXTURE, { mode });
      assert.equal(first_entry.id, 1);
      assert.throws(() => { zig.first_entry = null; }, { name: 'TypeError' });
    });

    test('a bad value is refused and leaves the variable as it was', async () => {
      const { default: zig, lookup, lastScore } = await importFixture(FIXTURE, { mode });
      lookup(1);
      assert.throws(() => { zig.last_entry = 42; }, { name: 'TypeError' });
      assert.throws(() => { zig.last_name = null; }, { name: 'TypeError' });
      assert.equal(lastScore(), 0.5);
    });
  });
}
