// `__zigar.redirect(name, stream)`: a module's stdout or stderr goes to a
// writable stream, an array or nowhere instead of console.log; undefined
// restores the console. Each test restores it.
import { test, describe, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { MODES, importFixture } from '../helpers/fixtures.js';
import { captureConsole } from '../helpers/capture-console.js';

const text = (chunks) => Buffer.concat(chunks).toString();

for (const mode of MODES) {
  describe(`${mode}: __zigar.redirect()`, () => {
    let zig;
    before(async () => {
      zig = await importFixture('console/redirected-output', { mode });
    });
    afterEach(() => {
      zig.__zigar.redirect('stdout', undefined);
      zig.__zigar.redirect('stderr', undefined);
    });

    test('stdout redirected to a PassThrough receives the bytes as written', async () => {
      const stream = new PassThrough();
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      zig.__zigar.redirect('stdout', stream);
      const lines = await captureConsole(() => zig.bothStreams());
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(text(chunks), 'out 1\nout 2\n');
      assert.deepEqual(lines, ['err 1']);
    });

    test('stderr redirected to an array collects Uint8Array chunks', async () => {
      const chunks = [];
      zig.__zigar.redirect('stderr', chunks);
      const lines = await captureConsole(() => zig.bothStreams());
      assert.ok(chunks.every((c) => c instanceof Uint8Array));
      assert.equal(text(chunks), 'err 1\n');
      assert.deepEqual(lines, ['out 1', 'out 2']);
    });

    test('an unfinished line reaches the stream when the call returns', () => {
      const chunks = [];
      zig.__zigar.redirect('stderr', chunks);
      zig.partialLine();
      assert.equal(text(chunks), 'no newline');
    });

    test('an object with write() receives the bytes', async () => {
      const chunks = [];
      zig.__zigar.redirect('stdout', { write: (chunk) => chunks.push(chunk) });
      zig.stdoutLine(5);
      assert.equal(text(chunks), 'to stdout 5\n');
    });

    test('a WritableStream receives the bytes', async () => {
      const chunks = [];
      zig.__zigar.redirect('stdout', new WritableStream({ write: (chunk) => { chunks.push(chunk); } }));
      zig.stdoutLine(6);
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(text(chunks), 'to stdout 6\n');
    });

    test('null discards the output', async () => {
      zig.__zigar.redirect('stdout', null);
      const lines = await captureConsole(() => zig.stdoutLine(7));
      assert.deepEqual(lines, []);
    });

    test('undefined restores console.log, and the previous stream is returned', async () => {
      const chunks = [];
      assert.equal(zig.__zigar.redirect('stdout', chunks), undefined);
      assert.equal(zig.__zigar.redirect('stdout', null), chunks);
      assert.equal(zig.__zigar.redirect('stdout', undefined), null);
      const lines = await captureConsole(() => zig.stdoutLine(8));
      assert.deepEqual(lines, ['to stdout 8']);
    });

    test('another module\'s output still reaches console.log', async () => {
      const other = await importFixture('console/prints-to-console', { mode });
      zig.__zigar.redirect('stdout', null);
      const lines = await captureConsole(() => other.stdoutLine(9));
      assert.deepEqual(lines, ['zig stdout 9']);
    });

    test('a bad stream name is refused', () => {
      assert.throws(() => zig.__zigar.redirect('stdlog', []), {
        name: 'Error', message: "Expecting 'stdin', 'stdout', 'stderr', or 'root', received 'stdlog'",
      });
    });

    test('stdin and root are refused as not supported yet', () => {
      assert.throws(() => zig.__zigar.redirect('stdin', null), { name: 'Error', message: /redirecting stdin is not supported by zigport yet/ });
      assert.throws(() => zig.__zigar.redirect('root', new Map()), { name: 'Error', message: /root is not supported/ });
    });

    test('a value that cannot take bytes is refused, listing what can', () => {
      for (const bad of [42, 'file.txt', {}]) {
        assert.throws(() => zig.__zigar.redirect('stdout', bad), {
          name: 'TypeError', message: /expecting an object with a write\(\) method .*WritableStream, an array, or null/,
        });
      }
    });
  });
}
