// What Zig writes to stdout and stderr reaches console.log, a line at a time,
// in order with JS's own console.log calls.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MODES, REGISTER, ROOT, importFixture, runNode, tempDir } from '../helpers/fixtures.js';
import { captureConsole } from '../helpers/capture-console.js';

const FIXTURE = 'console/prints-to-console';

for (const mode of MODES) {
  // The apps in tests/apps/ import statically; the environment selects the mode.
  const modeEnv = { ZIGPORT_TARGET: mode };

  describe(`${mode}: Zig output reaches console.log`, () => {
    let zig;
    before(async () => {
      zig = await importFixture(FIXTURE, { mode });
    });

    test('std.debug.print reaches console.log interleaved with JS console.log', () => {
      const { status, stdout, stderr } = runNode(['tests/apps/console-interleaved.mjs'], { env: modeEnv });
      assert.equal(status, 0, stderr);
      assert.equal(stdout, [
        'js 1', 'zig line 1', 'js 2', 'zig stdout 2', 'first', 'second', 'third', 'js 3', '',
      ].join('\n'));
    });

    test('std.debug.print output is passed to console.log one line per call', async () => {
      const lines = await captureConsole(() => {
        console.log('before');
        zig.debugLine(7);
        console.log('after');
      });
      assert.deepEqual(lines, ['before', 'zig line 7', 'after']);
    });

    test('writes to stdout reach console.log', async () => {
      const lines = await captureConsole(() => zig.stdoutLine(3));
      assert.deepEqual(lines, ['zig stdout 3']);
    });

    test('multi-line output in one call becomes one console.log per line', async () => {
      const lines = await captureConsole(() => zig.debugLines());
      assert.deepEqual(lines, ['first', 'second', 'third']);
    });

    test('a last line without newline has reached console.log when the call returns', async () => {
      const lines = await captureConsole((recorded) => {
        zig.debugPartial();
        assert.deepEqual(recorded, ['no newline yet']);
      });
      assert.deepEqual(lines, ['no newline yet']);
    });

    test('the newline that later ends such a line starts no empty line', async () => {
      const lines = await captureConsole(() => {
        zig.debugPartial();
        zig.debugLineEnd();
        zig.debugLine(1);
      });
      assert.deepEqual(lines, ['no newline yet', ', now ended', 'zig line 1']);
    });

    test('console.log is looked up when Zig prints, so a replacement sees the output', async () => {
      const seen = [];
      const original = console.log;
      console.log = (...args) => seen.push(args.join(' '));
      try {
        zig.debugLine(5);
      } finally {
        console.log = original;
      }
      assert.deepEqual(seen, ['zig line 5']);
    });

    test('a partial line without newline is printed at exit', () => {
      const { status, stdout, stderr } = runNode(['tests/apps/console-partial-at-exit.mjs'], { env: modeEnv });
      assert.equal(status, 0, stderr);
      assert.equal(stdout, 'js first\nno newline yet\n');
    });

    test('UTF-8 split across writes in one call stays intact', async () => {
      const lines = await captureConsole(() => zig.splitUtf8());
      assert.deepEqual(lines, ['Grüße €']);
    });

    test('UTF-8 split across calls, a byte per write, is never printed half a character', async () => {
      const text = 'Grüße, €uro 😀!\n';
      const lines = await captureConsole(() => {
        for (const byte of Buffer.from(text)) zig.writeByte(byte);
      });
      assert.equal(lines.join(''), text.trimEnd());
      assert.ok(lines.every((line) => !line.includes('\uFFFD')), 'no replacement characters');
    });

    test(
      'std.fs.File.stdout() output stays in order when stdout is a regular file',
      (t) => {
        const out = join(tempDir(t), 'stdout.txt');
        const fd = openSync(out, 'w');
        let result;
        try {
          result = spawnSync(process.execPath, ['--import', REGISTER, 'tests/apps/console-interleaved.mjs'], {
            cwd: ROOT, env: { ...process.env, ...modeEnv }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000,
          });
        } finally {
          closeSync(fd);
        }
        assert.equal(result.status, 0, result.stderr);
        assert.equal(readFileSync(out, 'utf8'), [
          'js 1', 'zig line 1', 'js 2', 'zig stdout 2', 'first', 'second', 'third', 'js 3', '',
        ].join('\n'));
      },
    );
  });
}
