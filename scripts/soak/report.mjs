// The soak's goals and its table. Every figure compares the end of a run
// with the sample after its warm-up, both taken after collecting garbage:
// what the warm-up allocated for good (compiled code, the module, pools) is
// allowed; what grows with the number of calls is a leak.

/** Allowed growth of RSS and V8 heap after the warm-up. */
const GROWTH = 0.05;
/**
 * Allowed growth of external memory: 5% plus 64 KiB, since V8 accounts
 * some of its own buffers there in pieces of that order.
 */
const EXTERNAL_SLACK = 64 * 1024;

/** `{ rss, heap, external, maps }`, each `{ ok, growth, text }`. */
export function verdicts({ warm, end }) {
  const ratio = (key) => (end[key] - warm[key]) / warm[key];
  const externalLimit = warm.external * (1 + GROWTH) + EXTERNAL_SLACK;
  return {
    rss: relative(ratio('rss')),
    heap: relative(ratio('heapUsed')),
    external: { ok: end.external <= externalLimit, text: percent(ratio('external')) },
    maps: { ok: end.maps <= warm.maps, text: `${warm.maps}->${end.maps}` },
  };
}

function relative(growth) {
  return { ok: growth <= GROWTH, text: percent(growth) };
}

function percent(x) {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function mib(bytes) {
  return (bytes / (1 << 20)).toFixed(1);
}

const COLUMNS = [
  ['mode', 6], ['kind', 14], ['calls', 9], ['s', 6], ['RSS MiB warm->end', 18], ['RSS', 7],
  ['heap MiB', 14], ['heap', 7], ['ext MiB base/peak/end', 22], ['ext', 7], ['maps', 9], ['ok', 4],
];

/** Prints `rows` (results with their checks), with the header if asked. */
export function printTable(rows, { header = true } = {}) {
  if (header) console.log(COLUMNS.map(([name, width]) => name.padEnd(width)).join(' '));
  for (const row of rows) console.log(line(row).map((cell, i) => String(cell).padEnd(COLUMNS[i][1])).join(' '));
}

function line(row) {
  const { mode, kind, calls } = row;
  if (row.error) return [mode, kind, calls, '-', `FAILED: ${row.error}`];
  const { warm, peak, end, base, checks, seconds } = row;
  const mark = (check) => `${check.text}${check.ok ? '' : '!'}`;
  const ok = Object.values(checks).every((c) => c.ok) ? 'yes' : 'NO';
  return [
    mode, kind, calls, seconds.toFixed(1),
    `${mib(warm.rss)}->${mib(end.rss)}`, mark(checks.rss),
    `${mib(warm.heapUsed)}->${mib(end.heapUsed)}`, mark(checks.heap),
    `${mib(base.external)}/${mib(peak.external)}/${mib(end.external)}`, mark(checks.external),
    mark(checks.maps), ok,
  ];
}
