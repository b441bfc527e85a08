// Slices: zero copy must be flat in size; a misaligned writable slice pays
// for a copy in and out, compared with one memcpy of the same bytes.
import { compare, report } from './lib/measure.js';

const MiB = 1 << 20;

export async function sliceCalls() {
  const { touchBytes, bumpFirst, firstByte } = await import('./fixtures/slice-touch.zig?optimize=ReleaseFast');
  const { add } = await import('./fixtures/scalar-add.zig?optimize=ReleaseFast');
  const small = new Uint8Array(16);
  const one = compare({
    scalar(n) { let s = 0; for (let i = 0; i < n; i++) s = add(i, 1); return s; },
    b16(n) { let s = 0; for (let i = 0; i < n; i++) s = firstByte(small); return s; },
  }, { n: 500_000 });
  console.log('\n## One aligned 16-byte []const u8 (ns per call, median of 7 runs)');
  report('firstByte(16 B) vs add(i32, i32)', one.b16, one.scalar, 4);

  const mid = new Uint8Array(MiB);
  const large = new Uint8Array(64 * MiB);
  const zero = compare({
    b16(n) { for (let i = 0; i < n; i++) touchBytes(small); },
    b1m(n) { for (let i = 0; i < n; i++) touchBytes(mid); },
    b64m(n) { for (let i = 0; i < n; i++) touchBytes(large); },
  }, { n: 500_000 });
  console.log('\n## Zero-copy []u8 (ns per call, median of 7 runs)');
  report('1 MiB aligned vs 16 B aligned', zero.b1m, zero.b16);
  report('64 MiB aligned vs 16 B aligned', zero.b64m, zero.b16, 1.5);

  const backing = new ArrayBuffer(MiB + 4);
  const aligned = new Uint32Array(backing, 0, MiB / 4);
  const misaligned = new DataView(backing, 1, MiB);
  const source = new Uint8Array(MiB);
  const target = new Uint8Array(MiB);
  const copy = compare({
    aligned(n) { for (let i = 0; i < n; i++) bumpFirst(aligned); },
    misaligned(n) { for (let i = 0; i < n; i++) bumpFirst(misaligned); },
    memcpy(n) { for (let i = 0; i < n; i++) target.set(source); },
  }, { n: 2_000 });
  console.log('\n## Misaligned 1 MiB writable []u32 (ns per call, median of 7 runs)');
  report('marshalling (misaligned - aligned) vs memcpy', copy.misaligned - copy.aligned, copy.memcpy, 2.5);

  const { totalLength } = await import('./fixtures/string-list.zig?optimize=ReleaseFast');
  const words = Array.from({ length: 1000 }, (_, i) => `word${i}`);
  const lists = compare({
    zig(n) { let s = 0; for (let i = 0; i < n; i++) s = totalLength(words); return s; },
    encode(n) { const e = new TextEncoder(); for (let i = 0; i < n; i++) for (const w of words) e.encode(w); },
  }, { n: 200 });
  console.log('\n## []const []const u8 of 1,000 short strings (ns per call, median of 7 runs)');
  report('one call vs TextEncoder.encode of each string', lists.zig, lists.encode);
  console.log(`${'per string'.padEnd(44)} ${(lists.zig / 1000).toFixed(1).padStart(9)} ns`);
}
