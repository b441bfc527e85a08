// Runs the parity checks on a compiled module in whatever runtime runs this
// file (Deno, Bun), through zigport/web, and prints the results as JSON.
// Usage: <runtime> runtime-runner.mjs path/to/module.wasm
import { readFile } from 'node:fs/promises';
import { loadWasmModule } from '../../js/web.js';
import { runChecks } from './parity-page/checks.js';

const path = globalThis.Deno ? Deno.args[0] : process.argv[2];
const { exports } = await loadWasmModule(await readFile(path), { name: path });
console.log(JSON.stringify(runChecks(exports)));
