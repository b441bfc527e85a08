// require() of .zig files that cannot load: one Zig refuses to compile, one
// that does not exist. Both must throw synchronously and be catchable; the
// app prints what each threw as JSON and goes on to exit normally.
'use strict';
require('zigport/cjs');

function thrown(specifier) {
  try {
    require(specifier);
  } catch (err) {
    return { name: err.name, code: err.code, message: err.message, file: err.file };
  }
  return null;
}

const compileError = thrown('../../zig-fixtures/compiler/type-error.zig');
const missing = thrown('./no-such-module.zig');
const { ZigCompileError } = require('zigport');
let isZigCompileError = false;
try {
  require('../../zig-fixtures/compiler/type-error.zig');
} catch (err) {
  isZigCompileError = err instanceof ZigCompileError;
}
console.log(JSON.stringify({ compileError, missing, isZigCompileError }));
