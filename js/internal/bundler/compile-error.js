// What a bundler shows for a module that does not build: Zig's diagnostics,
// with the place of the first error as the location bundlers point at
// (Vite's overlay, Rollup's code frame).
import { ZigCompileError } from '../errors.js';

const FIRST_ERROR = /^(.+?\.zig):(\d+):(\d+): error: /m;

/** A Rollup error object for `err` thrown while building `file`. */
export function bundlerError(err, file) {
  const error = { message: err.message, id: file, cause: err };
  if (err instanceof ZigCompileError) {
    const found = FIRST_ERROR.exec(err.diagnostics);
    if (found) error.loc = { file: found[1], line: Number(found[2]), column: Number(found[3]) - 1 };
  }
  return error;
}
