// The WebAssembly host without the addon (`zigport/web`, as in a browser),
// in a Node process where the addon is disabled: a scalar call against the
// raw wasm export, a call with a 64-byte `[]const u8`, and a 16 MiB `[]u8`
// copied in and back against two plain copies of the same bytes.
// Usage: npm run bench (or node bench/wasm-web.js).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compare, report } from './lib/measure.js';

const SELF = fileURLToPath(import.meta.url);
const MiB = 1 << 20;

export function webHostCalls({ scratch }) {
  const result = spawnSync(process.execPath, [SELF, scratch], {
    env: { ...process.env, ZIGPORT_NO_ADDON: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`the addon-free bench failed: ${result.stderr}`);
}

/** The module at `fixture` compiled for wasm (ReleaseFast) and loaded through zigport/web. */
async function loadFixture(fixture) {
  const { compileModule } = await import('../js/internal/compiler/index.js');
  const { parseOptions } = await import('../js/internal/compiler/options.js');
  const { loadWasmModule } = await import('../js/web.js');
  const path = fileURLToPath(new URL(`./fixtures/${fixture}.zig`, import.meta.url));
  const options = parseOptions(new URLSearchParams('target=wasm&optimize=ReleaseFast'), process.env, path);
  const library = await compileModule(path, options);
  return (await loadWasmModule(readFileSync(library), { name: library })).exports;
}

async function measure(scratch) {
  const { loadWasmBaseline } = await import('./lib/wasm-baseline.js');
  const raw = loadWasmBaseline(scratch);
  const { add } = await loadFixture('scalar-add');
  const { firstByte, touchBytes } = await loadFixture('slice-touch');
  console.log('\n## WebAssembly without the addon (zigport/web in Node, addon disabled)');
  const scalar = compare({
    raw(n) { const f = raw.add; let s = 0; for (let i = 0; i < n; i++) s = f(i, 1); return s; },
    zigport(n) { let s = 0; for (let i = 0; i < n; i++) s = add(i, 1); return s; },
  }, { runs: 15 });
  report('add(i32, i32) vs the raw wasm export', scalar.zigport, scalar.raw, 1.5);
  const bytes = new Uint8Array(64).fill(7);
  const small = compare({
    scalar(n) { let s = 0; for (let i = 0; i < n; i++) s = add(i, 1); return s; },
    slice(n) { let s = 0; for (let i = 0; i < n; i++) s = firstByte(bytes); return s; },
  }, { n: 500_000, runs: 11 });
  report('firstByte(64-byte []const u8) vs scalar call', small.slice, small.scalar);
  console.log(`  64-byte []const u8 call: ${small.slice.toFixed(0)} ns (goal <= 300 ns: ${small.slice <= 300 ? 'met' : 'NOT met'})`);
  const big = new Uint8Array(16 * MiB).fill(1);
  const wasmSide = new Uint8Array(16 * MiB);
  const copies = compare({
    twoCopies(n) { for (let i = 0; i < n; i++) { wasmSide.set(big); big.set(wasmSide); } },
    zigport(n) { for (let i = 0; i < n; i++) touchBytes(big); },
  }, { n: 10, runs: 9 });
  report('16 MiB []u8 in and back vs two copies', copies.zigport / 1e3, copies.twoCopies / 1e3, 1.3, 'µs');
}

if (process.argv[1] === SELF) await measure(process.argv[2] ?? (await import('node:os')).tmpdir());
