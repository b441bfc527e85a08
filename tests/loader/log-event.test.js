// `__zigar.on(event, listener)`: the `log` listener receives what Zig prints,
// a line at a time, and decides whether console.log prints it too; the
// file-system events are refused, as are unknown ones.
import { test, describe, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';
import { captureConsole } from '../helpers/capture-console.js';

for (const mode of MODES) {
  describe(`${mode}: __zigar.on()`, () => {
    let zig;
    before(async () => {
      zig = await importFixture('console/redirected-output', { mode });
    });
    afterEach(() => zig.__zigar.on('log', null));

    test('the log listener receives each line with its source', async () => {
      const events = [];
      zig.__zigar.on('log', (event) => events.push(event));
      await captureConsole(() => zig.bothStreams());
      assert.deepEqual(events, [
        { source: 'stdout', message: 'out 1' },
        { source: 'stderr', message: 'err 1' },
        { source: 'stdout', message: 'out 2' },
      ]);
    });

    test('a listener returning a value keeps the line from console.log', async () => {
      zig.__zigar.on('log', () => true);
      const lines = await captureConsole(() => zig.stdoutLine(1));
      assert.deepEqual(lines, []);
    });

    test('a listener returning undefined lets console.log print the line too', async () => {
      const seen = [];
      zig.__zigar.on('log', ({ message }) => { seen.push(message); });
      const lines = await captureConsole(() => zig.stderrLine(2));
      assert.deepEqual(seen, ['to stderr 2']);
      assert.deepEqual(lines, ['to stderr 2']);
    });

    test('an unfinished line reaches the listener when the call returns', async () => {
      const seen = [];
      zig.__zigar.on('log', ({ message }) => seen.push(message));
      zig.partialLine();
      assert.deepEqual(seen, ['no newline']);
    });

    test('a new listener replaces the old one, and a falsy value removes it', async () => {
      const first = [];
      const second = [];
      zig.__zigar.on('log', ({ message }) => first.push(message));
      zig.__zigar.on('log', ({ message }) => second.push(message));
      await captureConsole(() => zig.stdoutLine(3));
      zig.__zigar.on('log', undefined);
      const lines = await captureConsole(() => zig.stdoutLine(4));
      assert.deepEqual(first, []);
      assert.deepEqual(second, ['to stdout 3']);
      assert.deepEqual(lines, ['to stdout 4']);
    });

    test('a file-system event is refused as not supported yet', () => {
      assert.throws(() => zig.__zigar.on('open', () => {}), { name: 'Error', message: /'open' event is not supported by zigport yet/ });
      assert.throws(() => zig.__zigar.on('utimes', () => {}), { name: 'Error', message: /not supported/ });
    });

    test('an unknown event is refused', () => {
      assert.throws(() => zig.__zigar.on('print', () => {}), { name: 'Error', message: 'Unknown event: print' });
    });

    test('a listener that is not a function is refused', () => {
      assert.throws(() => zig.__zigar.on('log', 'console'), { name: 'TypeError', message: /expecting a function/ });
    });
  });
}
