// Opaque types: a returned `*Context` or `*anyopaque` is a handle object of
// the class named after the type, with no fields, which only Zig functions
// taking that pointer type accept back.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'types/opaque-handles';

for (const mode of MODES) {
  describe(`${mode}: opaque handles`, () => {
    test('a returned pointer to an opaque type is a handle of its class, with no fields', async () => {
      const { create, Context } = await importFixture(FIXTURE, { mode });
      const ctx = create(5);
      assert.ok(ctx instanceof Context);
      assert.deepEqual(Object.keys(ctx), []);
      assert.match(Object.prototype.toString.call(ctx), /Context\]$/);
      assert.match(Context.name, /Context$/);
    });

    test('a handle passed back reaches the memory it came from', async () => {
      const { create, bump, read } = await importFixture(FIXTURE, { mode });
      const ctx = create(5);
      bump(ctx);
      bump(ctx);
      assert.equal(read(ctx), 7);
      assert.equal(read(create(1)), 1);
    });

    test("a handle to Zig's own memory is live across calls", async () => {
      const { global, bump, read } = await importFixture(FIXTURE, { mode });
      const before = read(global());
      bump(global());
      assert.equal(read(global()), before + 1);
    });

    test('a function declared in the opaque type is a method of its handles', async () => {
      const { create, bump, Context } = await importFixture(FIXTURE, { mode });
      const ctx = create(41);
      bump(ctx);
      assert.equal(ctx.count(), 42);
      assert.equal(Context.count(ctx), 42);
    });

    test('handles mix with other pointer arguments in one call', async () => {
      const { create, sumTwo } = await importFixture(FIXTURE, { mode });
      assert.equal(sumTwo(create(1), create(2), [3, 4]), 10);
    });

    test('*anyopaque results are handles any *anyopaque parameter takes, as is any typed handle', async () => {
      const { create, erase, readErased, other } = await importFixture(FIXTURE, { mode });
      const erased = erase(create(9));
      assert.equal(readErased(erased), 9);
      assert.equal(readErased(create(3)), 3);
      assert.equal(readErased(other()), readErased(other()));
    });

    test('an optional handle result is null or a handle; an optional parameter takes null', async () => {
      const { maybe, readMaybe, global, read } = await importFixture(FIXTURE, { mode });
      assert.equal(maybe(false), null);
      assert.equal(readMaybe(null), 0);
      assert.equal(readMaybe(undefined), 0);
      assert.equal(readMaybe(maybe(true)), read(global()));
    });

    test('a const handle is accepted by const parameters and refused by writable ones', async () => {
      const { frozen, read, bump, global } = await importFixture(FIXTURE, { mode });
      assert.equal(read(frozen()), read(global()));
      assert.throws(() => bump(frozen()), { name: 'TypeError', message: /^bump\(args\[0\]\): .*const pointer/ });
    });

    test('a handle of another opaque type is refused with a TypeError naming the argument', async () => {
      const { bump, other, erase, create } = await importFixture(FIXTURE, { mode });
      assert.throws(() => bump(other()), { name: 'TypeError', message: /^bump\(args\[0\]\): .*Context.*received an object \(.*Other\)/ });
      assert.throws(() => bump(erase(create(1))), { name: 'TypeError', message: /^bump\(args\[0\]\)/ });
    });

    test('plain values, memory and null are not handles', async () => {
      const { bump, readErased } = await importFixture(FIXTURE, { mode });
      for (const value of [{}, 7, 'ctx', new ArrayBuffer(8), new Uint32Array(2), null, undefined]) {
        assert.throws(() => bump(value), { name: 'TypeError', message: /^bump\(args\[0\]\): .*handle/ });
      }
      for (const value of [{}, 7, 'ctx', null, undefined]) {
        assert.throws(() => readErased(value), { name: 'TypeError', message: /^readErased\(args\[0\]\): .*handle/ });
      }
    });

    test('a *anyopaque parameter also takes memory, as C void pointers do', async () => {
      const { readErased } = await importFixture(FIXTURE, { mode });
      assert.equal(readErased(new Uint32Array([41, 0])), 41);
      assert.equal(readErased(new Uint32Array([7]).buffer), 7);
    });

    test('JS cannot make a handle', async () => {
      const { Context } = await importFixture(FIXTURE, { mode });
      assert.throws(() => new Context(), { name: 'TypeError', message: /only Zig functions make its handles/ });
      assert.throws(() => Context(), { name: 'TypeError' });
    });

    test('a handle outlives the allocation it points into', async () => {
      const { create, bump, read } = await importFixture(FIXTURE, { mode });
      const handles = Array.from({ length: 200 }, (_, i) => create(i));
      // Other allocations in between: a collected buffer would be reused.
      for (let i = 0; i < 200; i++) new ArrayBuffer(64 * 1024);
      await new Promise((resolve) => setImmediate(resolve));
      handles.forEach((h) => bump(h));
      assert.deepEqual(handles.map((h) => read(h)), handles.map((_, i) => i + 1));
    });

    test('a variable holding an opaque pointer reads as a handle and takes any handle, or null', async () => {
      const { default: zig, global, read, readMaybe } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.user_data, null);
      zig.user_data = global();
      assert.equal(readMaybe(zig.user_data), read(global()));
      assert.throws(() => { zig.user_data = new ArrayBuffer(8); }, { name: 'TypeError' });
      zig.user_data = null;
      assert.equal(zig.user_data, null);
      assert.equal(readMaybe(zig.user_data), 0);
    });
  });
}
