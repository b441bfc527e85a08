// A Zig error thrown by a call carries, in a native library built with
// runtime safety (Debug, ReleaseSafe), Zig's error return trace in its
// `stack`: one V8-style frame per Zig function the error passed through,
// innermost first, above the JS frames. WebAssembly has no return addresses
// to name (Zig records 0 for each frame there), and ReleaseFast/ReleaseSmall
// keep no trace. Identity, message and instanceof stay as they were.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, thrownBy } from '../helpers/fixtures.js';

const FIXTURE = 'calls/error-return-traces';
const FILE = 'zig-fixtures/calls/error-return-traces.zig';
const DEFAULT_OPTIMIZE = process.env.ZIGPORT_OPTIMIZE || 'Debug';
const SAFE = ['Debug', 'ReleaseSafe'];

/** The Zig frames of a stack: `{ name, file, line, column }` each. */
function zigFrames(stack) {
  return stack.split('\n').flatMap((line) => {
    const m = /^ {4}at (\S+) \((.+\.zig):(\d+):(\d+)\)$/.exec(line);
    return m ? [{ name: m[1], file: m[2], line: Number(m[3]), column: Number(m[4]) }] : [];
  });
}

/** Whether a module built so keeps Zig's error return traces. */
function keepsTraces(mode, optimize) {
  return mode === 'native' && SAFE.includes(optimize);
}

for (const mode of MODES) {
  describe(`${mode}: error return traces`, () => {
    for (const optimize of new Set([DEFAULT_OPTIMIZE, 'ReleaseSafe', 'ReleaseFast'])) {
      const traced = keepsTraces(mode, optimize);
      test(`${optimize}: ${traced ? 'the stack names each Zig function with its file and line' : 'no Zig frames'}`, async () => {
        const { parseNumber } = await importFixture(FIXTURE, { mode, optimize });
        const stack = thrownBy(() => parseNumber('12x')).stack;
        const frames = zigFrames(stack);
        if (!traced) return assert.deepEqual(frames, [], stack);
        assert.equal(frames.length, 3, stack);
        for (const f of frames) assert.ok(f.file.endsWith(FILE) && f.column > 0, stack);
        if (optimize === 'Debug') {
          assert.deepEqual(frames.map((f) => [f.name, f.line]), [['readDigit', 8], ['addDigit', 13], ['parseNumber', 20]]);
        } else {
          // Optimized code inlines the helpers: a frame names the function
          // they were inlined into, at a line of the inlined code.
          assert.equal(frames[0].line, 8, stack);
          for (const f of frames) assert.ok([8, 13, 20].includes(f.line), stack);
        }
        // The Zig frames come first, right under the message, then the JS ones.
        const lines = stack.split('\n');
        assert.equal(lines[0], 'ZigError: Bad digit');
        assert.match(lines[3], /error-return-traces\.zig:\d+:\d+\)$/);
        assert.match(lines[4], /^ {4}at parseNumber \(/);
        assert.ok(lines.slice(5).some((l) => l.includes('error-return-traces.test.js')), stack);
      });
    }

    test('message, name, identity and instanceof are those of the shared error object', async () => {
      const { parseNumber, ParseError } = await importFixture(FIXTURE, { mode });
      const first = thrownBy(() => parseNumber('x'));
      const second = thrownBy(() => parseNumber('1y'));
      assert.equal(first, second);
      assert.equal(first, ParseError.BadDigit);
      assert.ok(first instanceof Error && first instanceof ParseError);
      assert.equal(first.message, 'Bad digit');
      assert.equal(first.name, 'ZigError');
      assert.equal(String(first), 'ZigError: Bad digit');
      assert.equal(Object.keys(first).includes('stack'), false);
    });

    test('in a safe build each throw has the stack of its own call', async () => {
      const { failWhen } = await importFixture(FIXTURE, { mode });
      const fromHere = () => thrownBy(() => failWhen(true)).stack;
      const fromThere = () => thrownBy(() => failWhen(true)).stack;
      const here = fromHere();
      const there = fromThere();
      if (!SAFE.includes(DEFAULT_OPTIMIZE)) return;
      assert.match(here, /at fromHere /);
      assert.doesNotMatch(here, /at fromThere /);
      assert.match(there, /at fromThere /);
      assert.match(here, /^ZigError: Empty input\n {4}at (failWhen \(.*\.zig:32:\d+\)\n {4}at )?failWhen \(/);
    });

    test('only the functions the error returned through are named', async () => {
      const { parseNumber, leadingDigits, recover, failWhen } = await importFixture(FIXTURE, { mode });
      assert.equal(recover('12x'), 0);
      const names = (fn) => zigFrames(thrownBy(fn).stack).map((f) => `${f.name}:${f.line}`);
      const expect = (list) => (keepsTraces(mode, DEFAULT_OPTIMIZE) ? list : []);
      // An error Zig handled (in recover) is not part of the next one.
      assert.deepEqual(names(() => failWhen(true)), expect(['failWhen:32']));
      assert.deepEqual(names(() => parseNumber('')), expect(['parseNumber:18']));
      // `catch return error.X` keeps the error it caught in the trace, as Zig prints it.
      assert.deepEqual(names(() => leadingDigits('x1')), expect(['readDigit:8', 'leadingDigits:26']));
      assert.equal(leadingDigits('12x').string, '12');
    });

    test('stack can be replaced, and the next throw brings a new one', async () => {
      const { failWhen } = await importFixture(FIXTURE, { mode });
      const err = thrownBy(() => failWhen(true));
      err.stack = 'replaced';
      assert.equal(err.stack, 'replaced');
      assert.equal(thrownBy(() => failWhen(true)), err);
      if (SAFE.includes(DEFAULT_OPTIMIZE)) assert.match(err.stack, /^ZigError: Empty input\n/);
    });

    test('errors in a loop each carry the same trace', async () => {
      const { parseNumber } = await importFixture(FIXTURE, { mode });
      const stacks = new Set();
      for (let i = 0; i < 1000; i++) stacks.add(thrownBy(() => parseNumber('9z')).stack);
      assert.equal(stacks.size, 1);
      assert.equal(zigFrames([...stacks][0]).length, keepsTraces(mode, DEFAULT_OPTIMIZE) ? 3 : 0);
      assert.equal(parseNumber('42'), 42);
    });
  });
}
