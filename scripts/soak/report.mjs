// The soak's goals and its table. Every figure compares the end of a run
// with the sample after its warm-up, both taken after collecting garbage:
// what the warm-up allocated for good (compiled code, the module, pools) is
// allowed; what grows with the number of calls is a leak.

/** Allowed growth of RSS, V8 heap and external memory after the warm-up. */
const GROWTH = 0.05;
/**
 * V8's heap after gc() differs by a few hundred KiB from one sample to the
 * next (compiled code, feedback), more than 5% of a 4 MiB heap: growth
 * below this passes too. A leak of one byte per call is 1 MiB at 10^6 calls.
 */
const HEAP_NOISE = 512 * 1024;
/** Likewise for external memory, which V8 also accounts in pieces. */
const EXTERNAL_NOISE = 64 * 1024;
/**
 * Mappings that come and go with no leak (malloc's arenas, V8's heap pages,
 * its code range split by newly committed code pages): a leak of mappings
 * grows with the calls, by thousands at 10^6. Mappings of tieable buffers'
 * files and open descriptors have no such noise: they must not grow at all.
 */
const MAPS_NOISE = 16;

/**
 * `{ rss, heap, external, wasm, maps, files, ties }`, each `{ ok, text }`.
 * External memory is counted without the module's WebAssembly memory,
 * which never shrinks and has its own check: in the tied kind it grows to
 * the most bytes tied at once (buffers wait tied until collected), and
 * what it checks is that every tie was undone and its region given back.
 */
export function verdicts({ kind, warm, peak, end }) {
  const growth = (a, b) => (b - a) / a;
  const heapGrowth = end.heapUsed - warm.heapUsed;
  const heapOk = heapGrowth <= Math.max(GROWTH * warm.heapUsed, HEAP_NOISE);
  const jsExternal = (s) => s.external - s.wasm;
  const externalOk = jsExternal(end) <= jsExternal(warm) * (1 + GROWTH) + EXTERNAL_NOISE;
  const wasmOk = kind === 'tied' || end.wasm <= warm.wasm * (1 + GROWTH);
  return {
    rss: { ok: growth(warm.rss, end.rss) <= GROWTH, text: percent(growth(warm.rss, end.rss)) },
    heap: { ok: heapOk, text: percent(growth(warm.heapUsed, end.heapUsed)) },
    external: { ok: externalOk, text: percent(growth(jsExternal(warm), jsExternal(end))) },
    wasm: { ok: wasmOk, text: end.wasm ? `${mib(warm.wasm)}->${mib(end.wasm)}` : '-' },
    maps: { ok: end.maps <= warm.maps + MAPS_NOISE, text: `${warm.maps}->${end.maps}` },
    files: { ok: end.tieMaps <= warm.tieMaps && end.fds <= warm.fds, text: `${peak.tieMaps}>${end.tieMaps} ${warm.fds}>${end.fds}` },
    ties: { ok: end.liveTies === 0, text: String(end.liveTies) },
  };
}

function percent(x) {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function mib(bytes) {
  return (bytes / (1 << 20)).toFixed(1);
}

const COLUMNS = [
  ['mode', 6], ['kind', 14], ['calls', 8], ['s', 5], ['RSS MiB', 12], ['RSS', 7],
  ['heap MiB', 9], ['heap', 7], ['JS ext MiB peak', 15], ['ext', 7], ['wasm MiB', 11], ['maps', 9], ['tie maps,fds', 13], ['ties', 4], ['ok', 3],
];

/** Prints `rows` (results with their checks), with the header if asked. */
export function printTable(rows, { header = true } = {}) {
  if (header) console.log(COLUMNS.map(([name, width]) => name.padEnd(width)).join(' '));
  for (const row of rows) console.log(line(row).map((cell, i) => String(cell).padEnd(COLUMNS[i][1])).join(' '));
}

function line(row) {
  const { mode, kind, calls } = row;
  if (row.error) return [mode, kind, calls, '-', `FAILED: ${row.error}`];
  const { warm, peak, end, checks, seconds } = row;
  const mark = (check) => `${check.text}${check.ok ? '' : '!'}`;
  const ok = Object.values(checks).every((c) => c.ok) ? 'yes' : 'NO';
  return [
    mode, kind, calls, seconds.toFixed(1),
    `${mib(warm.rss)}->${mib(end.rss)}`, mark(checks.rss),
    `${mib(end.heapUsed)}`, mark(checks.heap),
    `${mib(end.external - end.wasm)} ${mib(peak.external)}`, mark(checks.external),
    mark(checks.wasm), mark(checks.maps), mark(checks.files), mark(checks.ties), ok,
  ];
}
