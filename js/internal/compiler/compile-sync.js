// compileModule for callers that must return at once (require() of a .zig
// file): a module the cache holds costs no more than working out its build
// key; any other is compiled by compileModule itself in a child process
// (compile-child.js) this one waits for, so there is one compiler and
// `await` never has to block.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { planModule } from './index.js';
import { cacheHit } from './cache.js';
import { cacheRoot } from './cache-root.js';
import { asCacheError } from './cache-errors.js';
import { ZigCompileError, ZigToolchainError } from '../errors.js';

const CHILD = fileURLToPath(new URL('./compile-child.js', import.meta.url));

/** Path of the compiled module for `source`, as compileModule gives it, compiling it first if needed. */
export function compileModuleSync(source, options) {
  // Planning also checks the toolchain, so its errors are thrown from here directly.
  let target;
  try {
    ({ target } = planModule(source, options));
  } catch (err) {
    throw asCacheError(err, cacheRoot());
  }
  if (cacheHit(target)) return target;
  // stderr is shared: progress and Zig's messages show as they come.
  const child = spawnSync(process.execPath, [CHILD, source, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw new Error(`cannot start the compile of ${source}: ${child.error.message}`);
  const answer = lastLine(child.stdout);
  if (answer?.target) return answer.target;
  if (answer?.error) throw rebuiltError(answer.error);
  throw new Error(`the compile of ${source} ended without an answer (${child.signal ?? `status ${child.status}`})`);
}

/** The JSON object on the last line of `text`, or null. */
function lastLine(text) {
  const line = text.trimEnd().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** The child's error as the class compileModule would have thrown, with its message as it was. */
function rebuiltError({ name, message, file, diagnostics }) {
  let err;
  if (name === 'ZigCompileError') err = new ZigCompileError(file, diagnostics);
  else if (name === 'ZigToolchainError') err = new ZigToolchainError('', '');
  else if (name === 'TypeError') err = new TypeError();
  else if (name === 'RangeError') err = new RangeError();
  else if (name === 'CacheDirectoryError') err = Object.assign(new Error(), { name });
  else err = new Error();
  err.message = message;
  // The stack is this process's, headed by the message as it now is.
  Error.captureStackTrace(err, compileModuleSync);
  return err;
}
