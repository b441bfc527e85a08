// A Zig function pointer, read from a variable, a field, an array or a
// result, is a JS function that calls it; it can be passed back to Zig and
// assigned to pointers of its type, as can the module's exported functions.
// JS functions cannot be assigned yet.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'types/function-pointers';

for (const mode of MODES) {
  describe(`${mode}: function pointers`, () => {
    test('a function pointer variable reads as a callable JS function', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.equal(typeof zig.transform, 'function');
      assert.equal(zig.transform(21), 42);
      assert.equal(zig.transform.length, 1);
      assert.equal(zig.transform.name, '*const fn (i32) i32');
    });

    test('elements of an array of function pointers are callable', async () => {
      const { table } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([...table].map((f) => f(5)), [10, -5]);
    });

    test('a returned function pointer is callable, and the same address is the same function', async () => {
      const { default: zig, pick } = await importFixture(FIXTURE, { mode });
      assert.equal(pick(0)(4), 8);
      assert.equal(pick(1)(4), -4);
      assert.equal(pick(0), pick(0));
      assert.equal(pick(0), [...zig.table][0]);
    });

    test('a function pointer passes back to Zig as a parameter and in a struct field', async () => {
      const { apply, pick, runHandler, default: zig } = await importFixture(FIXTURE, { mode });
      assert.equal(apply(pick(1), 9), -9);
      assert.equal(zig.handler.run(2), -2);
      assert.equal(runHandler({ id: 2, run: pick(0) }, 5), 10);
    });

    test('assigning a function read from Zig re-points the variable for Zig', async () => {
      const { default: zig, pick, transformNow } = await importFixture(FIXTURE, { mode });
      zig.transform = pick(1);
      assert.equal(transformNow(3), -3);
      zig.transform = pick(0);
      assert.equal(transformNow(3), 6);
    });

    test('an exported Zig function assigns to pointers of its type, methods without self too', async () => {
      const { default: zig, triple, transformNow, apply, Scaler, Handler } = await importFixture(FIXTURE, { mode });
      zig.transform = triple;
      assert.equal(transformNow(5), 15);
      assert.equal(zig.transform(2), 6);
      assert.equal(apply(Scaler.square, 7), 49);
      zig.maybe_transform = Scaler.square;
      assert.equal(zig.maybe_transform(3), 9);
      const h = new Handler({ id: 2, run: triple });
      assert.equal(h.run(4), 12);
      zig.transform = zig.table[0];
      zig.maybe_transform = null;
    });

    test('an exported function of another type is refused', async () => {
      const { default: zig, halve } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.transform = halve; }, { name: 'TypeError', message: /^transform: .*expects a function of type/ });
      assert.equal(zig.transform(1), 2, 'the variable is unchanged');
    });

    test('an optional function pointer is null until assigned, and takes null back', async () => {
      const { default: zig, pick } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.maybe_transform, null);
      zig.maybe_transform = pick(0);
      assert.equal(zig.maybe_transform(8), 16);
      zig.maybe_transform = null;
      assert.equal(zig.maybe_transform, null);
    });

    test('arguments and results convert as for exported functions, errors included', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      const out = new Uint8Array(16);
      const n = zig.writer('bob', out);
      assert.equal(new TextDecoder().decode(out.subarray(0, n)), 'hi bob');
      assert.equal(zig.checker(3), 3);
      assert.throws(() => zig.checker(-3), { name: 'ZigError', message: 'Negative' });
    });

    test('bad arguments are refused naming the pointer type', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => zig.transform(), { name: 'TypeError', message: '*const fn (i32) i32(): Expecting 1 argument, received 0' });
      assert.throws(() => zig.transform('x'), { name: 'TypeError', message: /^\*const fn \(i32\) i32\(args\[0\]\): i32 expects a number/ });
    });

    test('a function pointer refuses functions of another type, null and non-functions', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.transform = zig.writer; }, { name: 'TypeError', message: /^transform: .*expects a function of type/ });
      assert.throws(() => { zig.transform = null; }, { name: 'TypeError', message: /^transform: .*expects a function, received null/ });
      assert.throws(() => { zig.transform = 5; }, { name: 'TypeError' });
      assert.equal(zig.transform(1), 2, 'the variable is unchanged');
    });

    test('the callers of function pointer types are not exports', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.ok(Object.keys(mod).every((name) => !name.includes('fn (')), Object.keys(mod).join());
    });

    test('a pointer to a function JS cannot call reads, and says why when called', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.equal(typeof zig.deep, 'function');
      assert.throws(() => zig.deep([]), { name: 'TypeError', message: /JS cannot call it: parameter 0: .* is not supported yet/ });
    });
  });
}
