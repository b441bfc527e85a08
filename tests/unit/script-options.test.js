// The long-running scripts (soak, boundary fuzzing) answer --help with their
// usage, and a command line they cannot use with one line naming what is
// wrong plus that usage, exit status 64, never a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = (name) => fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url));
const run = (name, ...args) => spawnSync(process.execPath, [script(name), ...args], { encoding: 'utf8', timeout: 30_000 });

test('--help prints the usage and exits 0', () => {
  for (const name of ['soak.mjs', 'fuzz-boundary.mjs']) {
    const { status, stdout } = run(name, '--help');
    assert.equal(status, 0);
    assert.match(stdout, new RegExp(`^Usage: node scripts/${name.replace('.', '\\.')}`));
  }
});

for (const [name, args, message] of [
  ['soak.mjs', ['--calls', '5x'], /^--calls must be a whole number of at least 10, not '5x'\n/],
  ['soak.mjs', ['--calls', '9'], /^--calls must be a whole number of at least 10, not '9'\n/],
  ['soak.mjs', ['--kind', 'scalar,nope'], /^--kind nope is not one of scalar, /],
  ['soak.mjs', ['--optimize', 'Fast'], /^--optimize Fast is not one of Debug, /],
  ['soak.mjs', ['--bogus'], /^Unknown option '--bogus'/],
  ['fuzz-boundary.mjs', ['--mode', 'native,browser'], /^--mode browser is not one of native, wasm\n/],
  ['fuzz-boundary.mjs', ['--cases', '0'], /^--cases must be a whole number of at least 1, not '0'\n/],
  ['fuzz-boundary.mjs', ['--seed', '1.5'], /^--seed must be a whole number of at least 0, not '1.5'\n/],
  ['fuzz-boundary.mjs', ['--fixture', 'other'], /^--fixture other is not one of hostile-values-targets, /],
]) {
  test(`${name} ${args.join(' ')}: one line, the usage, status 64`, () => {
    const { status, stdout, stderr } = run(name, ...args);
    assert.equal(status, 64);
    assert.equal(stdout, '');
    assert.match(stderr, message);
    assert.match(stderr, /\n\nUsage: /);
    assert.doesNotMatch(stderr, /\n {4}at /, 'no stack trace');
  });
}
