// zigport demo: import a .zig file and use it like any JS module.
import { tieableBuffer } from 'zigport';
import checksum, { sha1, fletcher16, isqrt, Stats, summarize, hexOf, tick } from './checksum.zig';

const data = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
const digest = new Uint8Array(20);
sha1(data, digest);                       // Zig reads `data` and writes `digest` in place
console.log('sha1                =', hexOf(digest).string);
console.log('fletcher16("abcde") =', fletcher16('abcde'));
console.log('isqrt(1000000n)     =', isqrt(1000000n));

const stats = new Stats();
summarize(new Float64Array([1.5, 2.5, 5]), stats);
console.log('stats               =', stats.valueOf(), 'mean', stats.mean());

tick();
tick();
console.log('JS sees ticks       =', checksum.ticks);
checksum.ticks = 40;
console.log('after JS sets 40    =', tick());

for (const bad of [() => isqrt(0), () => fletcher16(42), () => isqrt()]) {
  try {
    bad();
  } catch (err) {
    console.log(`${err.constructor.name}: ${err.message}`);
  }
}

// The same file as WebAssembly: same API, and a tieable buffer is mapped into
// wasm memory once instead of being copied on every call.
const wasm = await import('./checksum.zig?target=wasm');
const big = new Uint8Array(tieableBuffer(8 << 20)).fill(7);
const wasmDigest = new Uint8Array(20);
wasm.sha1(data, wasmDigest);
console.log('wasm sha1 matches   =', hexOf(wasmDigest).string === hexOf(digest).string);
console.log('wasm fletcher16(8 MiB tied) =', wasm.fletcher16(big), '=', fletcher16(big), 'native');

// C's own library, exported from Zig as it is: qsort sorts a Float64Array in
// place with a comparator written in Zig; snprintf and printf take each
// extra argument as an instance of the C type it has.
const libc = await import('./libc.zig');
const readings = new Float64Array([-7.5, 0.25, 3, -1, 12.125]);
libc.qsort(readings, readings.length, 8, libc.byMagnitude);
console.log('qsort by magnitude  =', [...readings]);
const line = new Uint8Array(64);
const length = libc.snprintf(line, line.length, '%-6s|%8.3f|%+d', new libc.CStr('pi'), new libc.Double(Math.PI), new libc.Int(42));
console.log('snprintf            =', new TextDecoder().decode(line.subarray(0, length)));
libc.printf('printf from C       = %s, %d readings\n', new libc.CStr('sorted'), new libc.Int(readings.length));
