// A module may declare things zigport cannot expose yet. Importing it still
// works; each such declaration is a property of the default export that
// throws a TypeError naming it and saying why, but only when touched.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'declarations/unsupported-declarations';

const UNSUPPORTED = ['Message', 'Shape', 'largest', 'anyEqual', 'countBytes', 'firstByte', 'send', 'blank', 'last_message'];

/** The TypeError thrown by reading `name` from the default export. */
function readError(zig, name) {
  try {
    void zig[name];
  } catch (err) {
    assert.ok(err instanceof TypeError, `${name}: expected TypeError, got ${err}`);
    return err;
  }
  assert.fail(`reading ${name} did not throw`);
}

for (const mode of MODES) {
  describe(`${mode}: unsupported declarations`, () => {
    test('a module with unsupported declarations imports, and its supported ones work', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.equal(mod.double(21), 42);
      assert.equal(mod.default.visits, 1);
      assert.equal(mod.version, 3);
      assert.equal(mod.release, 2);
    });

    test('unsupported declarations are not named exports', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const name of UNSUPPORTED) assert.equal(name in mod, false, name);
    });

    test('listing the default export does not touch them', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      const keys = Object.keys(zig);
      for (const name of UNSUPPORTED) {
        assert.ok(keys.includes(name), name);
        assert.ok(name in zig, name);
      }
    });

    test('reading every unsupported declaration throws a TypeError that starts with its name', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      for (const name of UNSUPPORTED) {
        assert.ok(readError(zig, name).message.startsWith(`${name}: `), readError(zig, name).message);
      }
    });

    test('a struct type that cannot cross the boundary says it is not supported', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.match(readError(zig, 'Message').message, /^Message: .*not supported/);
    });

    test('a generic function says it cannot be called at run time', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.match(readError(zig, 'largest').message, /^largest: generic functions .*cannot be called at run time/);
      assert.match(readError(zig, 'anyEqual').message, /^anyEqual: generic functions/);
    });

    test('a function taking slices nested two deep names the parameter it cannot take', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.match(readError(zig, 'countBytes').message, /^countBytes: parameter 0: \[\]const \[\]const \[\]const u8 is not supported/);
      assert.match(readError(zig, 'firstByte').message, /^firstByte: parameter 0: \[\*\]const \[\*\]const u8/);
    });

    test('an untagged union holding pointers says why it cannot be exposed', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.match(readError(zig, 'Shape').message, /^Shape: type untagged union .*Shape holds pointers, .*give the union a tag/);
    });

    test('a function returning an unsupported type names its return type', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.match(readError(zig, 'blank').message, /^blank: return type .*Message is not supported/);
    });

    test('writing an unsupported declaration throws TypeError too', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      for (const name of ['last_message', 'largest']) {
        assert.throws(() => { zig[name] = 1; }, { name: 'TypeError', message: new RegExp(`^${name}: `) }, name);
      }
    });

    test('touching an unsupported declaration leaves the module usable', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      readError(mod.default, 'largest');
      assert.equal(mod.double(-4), -8);
      mod.default.visits = 100;
      assert.equal(mod.default.visits, 100);
    });
  });
}
