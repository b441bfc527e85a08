// Every call checks its argument count and values before Zig runs: a call
// that is refused leaves Zig's state exactly as it was.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'calls/argument-checks';

/** Asserts that `call` throws `expected` and that no Zig function ran. */
function refusedBeforeZig(mod, call, expected) {
  const before = mod.default.calls;
  assert.throws(call, expected);
  assert.equal(mod.default.calls, before, 'Zig ran although the call was refused');
}

for (const mode of MODES) {
  describe(`${mode}: argument checks`, () => {
    test('the counter the checks rely on counts calls', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const before = mod.default.calls;
      assert.equal(mod.add(2, 3), 5);
      mod.noArguments();
      assert.equal(mod.default.calls, before + 2);
    });

    test('too few arguments: "Expecting 2 arguments, received 1", before Zig runs', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      refusedBeforeZig(mod, () => mod.add(1), (err) => {
        assert.ok(err instanceof TypeError);
        assert.ok(err.message.includes('Expecting 2 arguments, received 1'), err.message);
        return true;
      });
    });

    test('no arguments for one parameter: "Expecting 1 argument, received 0", before Zig runs', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      refusedBeforeZig(mod, () => mod.record(), { name: 'TypeError', message: /Expecting 1 argument, received 0/ });
      assert.equal(mod.default.last, 0);
    });

    test('too many arguments are refused before Zig runs', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      refusedBeforeZig(mod, () => mod.add(1, 2, 3), { name: 'TypeError', message: /Expecting 2 arguments, received 3/ });
      refusedBeforeZig(mod, () => mod.noArguments(undefined), { name: 'TypeError', message: /Expecting 0 arguments, received 1/ });
    });

    test('the count message names the function', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.throws(() => mod.scaled(1), { message: 'scaled(): Expecting 2 arguments, received 1' });
    });

    test('an explicit undefined counts as an argument and is then checked as a value', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      refusedBeforeZig(mod, () => mod.add(1, undefined), { name: 'TypeError', message: /^add\(args\[1\]\): / });
    });

    test('a bad value stops the call before Zig runs', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      refusedBeforeZig(mod, () => mod.add(1, 2 ** 31), { name: 'RangeError', message: /^add\(args\[1\]\): / });
      refusedBeforeZig(mod, () => mod.record(0.5), { name: 'RangeError', message: /^record\(args\[0\]\): / });
      assert.equal(mod.default.last, 0);
    });

    test('a bad later argument stops the call even when earlier ones were good', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      refusedBeforeZig(mod, () => mod.scaled(3, '2'), { name: 'TypeError', message: /^scaled\(args\[1\]\): / });
      assert.equal(mod.scaled(3, 2), 6);
    });

    test('functions carry their Zig name and parameter count', async () => {
      const { add, record, noArguments } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([add.name, add.length], ['add', 2]);
      assert.deepEqual([record.name, record.length], ['record', 1]);
      assert.deepEqual([noArguments.name, noArguments.length], ['noArguments', 0]);
    });
  });
}
