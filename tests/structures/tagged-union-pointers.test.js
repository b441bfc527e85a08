// A tagged union holding pointers is a variable or constant JS reads and
// assigns in place, its tag saying which pointer is valid; as a parameter
// it is refused with the reason.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/tagged-union-pointers';

for (const mode of MODES) {
  describe(`${mode}: tagged unions holding pointers`, () => {
    test('the active pointer field reads what it points at; the others read null', async () => {
      const { default: zig, measure } = await importFixture(FIXTURE, { mode });
      zig.value = { text: 'start' };
      assert.equal(zig.value.text.string, 'start');
      assert.equal(zig.value.number, null);
      assert.equal(measure(), 5);
    });

    test('assigning the union switches its field, for Zig too', async () => {
      const { default: zig, measure } = await importFixture(FIXTURE, { mode });
      zig.value = { number: 7 };
      assert.equal(zig.value.number, 7);
      assert.equal(zig.value.text, null);
      assert.equal(measure(), 7);
      zig.value = { text: 'hello!' };
      assert.equal(measure(), 6);
      assert.equal(String(zig.value), 'text');
    });

    test('a pointer Zig stored reads live', async () => {
      const { default: zig, pointAtCell } = await importFixture(FIXTURE, { mode });
      pointAtCell();
      assert.deepEqual(zig.value.valueOf(), { ref: [5] });
    });

    test('a constant reads through its pointer', async () => {
      const { fixed } = await importFixture(FIXTURE, { mode });
      assert.equal(fixed.text.string, 'fixed');
    });

    test('as a parameter or result it is refused, saying why', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => zig.echo, { name: 'TypeError', message: /^echo: parameter 0: tagged union .*Value holds pointers: it may be a variable or constant/ });
    });
  });
}
