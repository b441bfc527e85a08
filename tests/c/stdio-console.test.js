// What C code prints through stdio reaches console.log as Zig's output does:
// a line at a time, a partial line by the end of the call.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, importFixture, tempDir } from '../helpers/fixtures.js';
import { captureConsole } from '../helpers/capture-console.js';

for (const mode of MODES) {
  describe(`${mode}: C stdio output reaches console.log`, () => {
    let c;
    before(async () => {
      c = await importFixture('c/prints-through-stdio', { mode });
    });

    test('puts and printf lines reach console.log, and return what C returns', async () => {
      let printed;
      const lines = await captureConsole(() => {
        assert.ok(c.putsLine('from puts') >= 0);
        printed = c.printfNumbers(255, 1.5);
      });
      assert.deepEqual(lines, ['from puts', 'n=255 x=1.500 hex=ff']);
      assert.equal(printed, 'n=255 x=1.500 hex=ff\n'.length);
    });

    test('fprintf to stderr, fwrite, fputs and putchar reach the console too', async () => {
      const lines = await captureConsole(() => {
        c.toStderr(5);
        c.fwriteAndPutchar();
      });
      assert.deepEqual(lines, ['C stderr 5', 'fwrite line', 'fputs !']);
    });

    test('a line printed without newline has reached console.log when the call returns', async () => {
      const lines = await captureConsole((recorded) => {
        c.printfPartial();
        assert.deepEqual(recorded, ['no newline from C']);
      });
      assert.deepEqual(lines, ['no newline from C']);
    });

    test('a line longer than stdio buffers arrives whole', async () => {
      const lines = await captureConsole(() => c.printfLong(5000));
      assert.deepEqual(lines, [`${'x'.repeat(5000)}|`]);
    });

    // The WebAssembly host gives modules no file system.
    test('output to a file goes to the file, not the console', { skip: mode === 'wasm' }, async (t) => {
      const path = join(tempDir(t), 'out.txt');
      const lines = await captureConsole(() => assert.equal(c.printToFile(path, 3), 0));
      assert.deepEqual(lines, []);
      assert.equal(readFileSync(path, 'utf8'), 'file line 3\nsecond\n');
    });
  });
}
