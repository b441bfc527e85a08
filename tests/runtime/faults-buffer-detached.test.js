// A JS function that Zig calls back, detaching (transferring) a buffer that
// the Zig call under way is still using. Natively Zig holds the buffer's own
// memory, which N-API cannot keep alive once it is detached: the process
// ends with an explanation before Zig resumes, instead of Zig writing into
// memory that may be freed (runtime/src/lent_buffers.rs). In WebAssembly Zig
// works on a copy in its own memory: the call finishes and nothing is copied
// back into the detached buffer.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'faults/buffer-detached-by-a-callback';

for (const mode of MODES) {
  describe(`${mode}: a buffer detached by a callback while Zig uses it`, () => {
    for (const [name, path] of [['fillAround', 'one slice'], ['fillBoth', 'two slices']]) {
      test(`${path}: ${mode === 'native' ? 'the process ends with an explanation' : 'the call finishes without copying back'}`, async () => {
        await importFixture(FIXTURE, { mode });
        const { status, signal, stdout, stderr } = runNode(['tests/apps/detach-in-callback.mjs', mode, name]);
        assert.equal(signal, null, stderr);
        if (mode === 'native') {
          assert.equal(status, 70, stderr);
          assert.equal(stdout, 'calling\n');
          assert.match(stderr, /a JS function called from Zig detached an ArrayBuffer that the Zig call under way was still using/);
          assert.match(stderr, /Transfer a copy \(buffer\.slice\(\)\) instead/);
        } else {
          assert.equal(status, 0, stderr);
          assert.equal(stdout, 'calling\nreturned\nlength 0\n');
        }
      });
    }
  });
}
