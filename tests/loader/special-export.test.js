// `__zigar`, the special export: init(), and the size, alignment and kind of
// the module's types. abandon(), on(), redirect() and set() have files of
// their own (abandon, log-event, output-redirect, env-variables).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

for (const mode of MODES) {
  describe(`${mode}: the __zigar export`, () => {
    test('init() settles, or is undefined for a native library', async () => {
      const { __zigar } = await importFixture('structures/geometry-structs', { mode });
      const ready = __zigar.init();
      if (mode === 'wasm') assert.ok(ready instanceof Promise);
      assert.equal(await ready, undefined);
    });

    test('sizeOf, alignOf and typeOf describe the module\'s types', async () => {
      const { __zigar, Point, Kind, Flags } = await importFixture('structures/geometry-structs', { mode });
      assert.equal(__zigar.sizeOf(Point), 16);
      assert.equal(__zigar.alignOf(Point), 8);
      assert.equal(__zigar.typeOf(Point), 'struct');
      assert.equal(__zigar.typeOf(Kind), 'enum');
      assert.equal(__zigar.sizeOf(Kind), 1);
      assert.equal(__zigar.typeOf(Flags), 'struct');
      const { Shape } = await importFixture('structures/tagged-unions', { mode });
      const { __zigar: other } = await importFixture('structures/tagged-unions', { mode });
      assert.equal(other.typeOf(Shape), 'union');
      const { FileError, __zigar: errors } = await importFixture('types/error-set-values', { mode });
      assert.equal(errors.typeOf(FileError), 'error set');
    });

    test('a value that is not one of the module\'s types is refused', async () => {
      const { __zigar } = await importFixture('structures/geometry-structs', { mode });
      assert.throws(() => __zigar.sizeOf(Object), { name: 'TypeError', message: '__zigar.sizeOf(): not a Zig type of this module' });
      assert.throws(() => __zigar.typeOf(5), { name: 'TypeError', message: /not a Zig type/ });
    });
  });
}
