// A JS function passed or assigned where Zig takes a function pointer: Zig
// calls it with its arguments converted as a field of their type reads,
// and gets its result back converted to the result type.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'callbacks/js-functions-as-callbacks';

for (const mode of MODES) {
  describe(`${mode}: JS functions as callbacks`, () => {
    test('a JS function takes the place of a function pointer parameter', async () => {
      const { apply } = await importFixture(FIXTURE, { mode });
      assert.equal(apply((a, b) => a * 10 + b, 4, 2), 42);
    });

    test('Zig may call it many times during one call', async () => {
      const { each } = await importFixture(FIXTURE, { mode });
      const seen = [];
      each([1.5, 2, 3], (x) => { seen.push(x); });
      assert.deepEqual(seen, [1.5, 2, 3]);
    });

    test('struct arguments arrive as copies, and a returned object converts to the result struct', async () => {
      const { mapPoint } = await importFixture(FIXTURE, { mode });
      let kept;
      const result = mapPoint({ x: 1, y: 2 }, (p) => { kept = p; return { x: p.y, y: p.x * 10 }; });
      assert.deepEqual(result.valueOf(), { x: 2, y: 10 });
      assert.deepEqual(kept.valueOf(), { x: 1, y: 2 }, 'the argument stays readable after the call');
    });

    test('slices, 64-bit integers and bools arrive as they read from a field', async () => {
      const { greet } = await importFixture(FIXTURE, { mode });
      let got;
      greet((text, big, flag) => { got = [text.string, big, flag]; });
      assert.deepEqual(got, ['hello', 1n << 40n, true]);
    });

    test('the result converts to the result type', async () => {
      const { sumTwice } = await importFixture(FIXTURE, { mode });
      assert.equal(sumTwice((x) => x * 100), 300);
    });

    test('a callback may call back into Zig, and pass callbacks of its own', async () => {
      const { nested, double } = await importFixture(FIXTURE, { mode });
      assert.equal(nested((d) => (d > 0 ? nested((e) => double(e), d - 1) : 100), 2), 4);
    });

    test('the same JS function is the same Zig pointer', async () => {
      const { same } = await importFixture(FIXTURE, { mode });
      const f = (x) => x + 1;
      assert.equal(same(f, f), true);
      assert.equal(same(f, (x) => x + 1), false);
    });

    test('a function pointer variable holds a JS function, and reads back as that function', async () => {
      const { default: zig, callHandler } = await importFixture(FIXTURE, { mode });
      const f = (x) => x * 3;
      zig.handler = f;
      assert.equal(callHandler(5), 15);
      assert.equal(zig.handler, f);
      zig.handler = null;
      assert.equal(callHandler(5), -1);
    });

    test('a struct field holds a JS function', async () => {
      const { Button } = await importFixture(FIXTURE, { mode });
      const clicks = [];
      const button = new Button({ label: 'ok', on_click: (i) => clicks.push(i) });
      button.click(3);
      assert.deepEqual(clicks, [0, 1, 2]);
    });

    test('a pointer argument lets the JS function write through it', async () => {
      const { tripledThroughPointer } = await importFixture(FIXTURE, { mode });
      assert.equal(tripledThroughPointer((p) => { p[0] *= 3; }), 15);
    });

    test('an allocator argument comes in a trailing options object, and makes memory the JS function may return', async () => {
      const { madeTextLength } = await importFixture(FIXTURE, { mode });
      assert.equal(madeTextLength(({ allocator }) => allocator.dupe('hello!')), 6);
    });

    test('a result pointing at JS memory is refused and reported, and Zig gets an empty slice', async () => {
      const { textLength } = await importFixture(FIXTURE, { mode });
      const reported = [];
      const original = console.error;
      console.error = (err) => reported.push(err);
      try {
        assert.equal(textLength(() => 'hello'), 0);
      } finally {
        console.error = original;
      }
      assert.equal(reported.length, 1);
      assert.match(reported[0].message, /^\*const fn \(\) \[\]const u8 \(the JS function's result\): \[\]const u8 cannot point at JS memory, which Zig could keep after it is gone; return memory from an allocator/);
    });

    test('a variadic function pointer refuses JS functions, saying why', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.variadic = (x) => x; }, {
        name: 'TypeError',
        message: /^variadic: .* points at a variadic function: JS cannot call one through a pointer, and a JS function cannot stand in for one/,
      });
    });
  });
}
