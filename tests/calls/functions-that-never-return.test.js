// A function returning `noreturn` is exported: calling it ends in its panic,
// which JS receives as an exception, as for any other panic. One returning
// `E!noreturn` can only throw its error. Through a function pointer too.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'calls/functions-that-never-return';

for (const mode of MODES) {
  describe(`${mode}: functions that never return`, () => {
    test('a noreturn function is exported, and its panic reaches JS as an exception', async () => {
      const { fatal } = await importFixture(FIXTURE, { mode });
      assert.equal(fatal.length, 1);
      assert.throws(() => fatal('disk full'), { message: /Zig panicked: fatal: disk full/ });
    });

    test('a function returning E!noreturn throws its error', async () => {
      const { rejectName, ConfigError } = await importFixture(FIXTURE, { mode });
      assert.throws(() => rejectName(''), (err) => err === ConfigError.MissingName);
      assert.throws(() => rejectName('x'.repeat(99)), (err) => err === ConfigError.NameTooLong);
    });

    test('a pointer to a noreturn function calls it', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => zig.on_fatal('via pointer'), { message: /Zig panicked: fatal: via pointer/ });
    });

    test('bad arguments are refused before the function runs', async () => {
      const { fatal } = await importFixture(FIXTURE, { mode });
      assert.throws(() => fatal(), { name: 'TypeError', message: /Expecting 1 argument/ });
      assert.throws(() => fatal(42), { name: 'TypeError' });
    });
  });
}
