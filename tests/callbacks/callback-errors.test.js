// What Zig gets when a JS function it calls throws, or returns something
// its result type cannot hold.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'callbacks/callback-errors';

/** Runs `body` with console.error recording instead of printing; returns what it got. */
function captureErrors(body) {
  const reported = [];
  const original = console.error;
  console.error = (...args) => { reported.push(args); };
  try {
    body();
  } finally {
    console.error = original;
  }
  return reported;
}

for (const mode of MODES) {
  describe(`${mode}: errors in JS callbacks`, () => {
    test('a thrown error of the result\'s error set reaches Zig as that error', async () => {
      const { parse, ParseError } = await importFixture(FIXTURE, { mode });
      assert.equal(parse(() => 5), 5);
      assert.throws(() => parse(() => { throw ParseError.TooLong; }), (err) => err === ParseError.TooLong);
    });

    test('any other thrown error is reported, and Zig gets error.Unexpected when its set allows it', async () => {
      const { parseAny } = await importFixture(FIXTURE, { mode });
      const thrown = new Error('not a Zig error');
      const reported = captureErrors(() => {
        assert.throws(() => parseAny(() => { throw thrown; }), { message: 'Unexpected' });
      });
      assert.deepEqual(reported, [[thrown]]);
    });

    test('without an error union to carry it, the error is reported and Zig gets zero', async () => {
      const { total } = await importFixture(FIXTURE, { mode });
      const reported = captureErrors(() => {
        assert.equal(total((x) => { if (x === 1) throw new Error('first fails'); return 40; }), 40);
      });
      assert.equal(reported.length, 1);
      assert.equal(reported[0][0].message, 'first fails');
    });

    test('a result that does not convert is reported as a TypeError, and Zig gets zero', async () => {
      const { total } = await importFixture(FIXTURE, { mode });
      const reported = captureErrors(() => assert.equal(total(() => 'nope'), 0));
      assert.equal(reported.length, 2);
      assert.match(reported[0][0].message, /^\*const fn \(u32\) u32 \(the JS function's result\): u32 expects a number/);
    });

    test('a promise returned where Zig expects a value is reported: Zig cannot wait for it', async () => {
      const { awaited } = await importFixture(FIXTURE, { mode });
      const reported = captureErrors(() => {
        assert.throws(() => awaited(async () => 5), { message: 'Unexpected' });
      });
      assert.equal(reported.length, 1);
      assert.match(reported[0][0].message, /the JS function returned a promise, which Zig cannot wait for/);
    });

    test('an error set holding neither the error nor Unexpected ends the call in a panic', async () => {
      const { strict } = await importFixture(FIXTURE, { mode });
      assert.equal(strict(() => 1), 1);
      captureErrors(() => {
        assert.throws(() => strict(() => { throw new Error('x'); }), { message: 'Zig panicked: JavaScript function failed' });
      });
      assert.equal(strict(() => 2), 2, 'the module still works');
    });
  });
}
