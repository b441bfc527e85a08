// Imports a .zig file statically, as a user's app would; run with
// `node --import <register> tests/apps/static-import.mjs`. Prints what it saw.
import buildMode, { add, isWasm, optimizeMode } from '../../zig-fixtures/loader/reports-build-mode.zig';

console.log(JSON.stringify({ sum: add(2, 3), mode: optimizeMode(), wasm: isWasm(), defaultHasAdd: buildMode.add === add }));
