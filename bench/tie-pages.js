// Tying a tieable buffer into wasm memory, compared with copying the same
// bytes. A tie (with MAP_POPULATE) plus a read of every page, then an untie,
// against one memcpy into warm wasm memory and against the copy in and back
// a call on a writable buffer pays. Usage: node bench/tie-pages.js
import { addon } from '../js/internal/runtime/addon.js';
import { compare, report } from './lib/measure.js';

const MiB = 1 << 20;
const PAGE = addon.pageSize();

export function tiePages() {
  console.log(`\n## Tie vs copy into wasm memory (ns per operation, median of 7 runs; page ${PAGE} B)`);
  for (const size of [MiB, 16 * MiB]) measure(size);
}

function measure(size) {
  const memory = new WebAssembly.Memory({ initial: (size + size) / 65536, maximum: 1000 });
  const source = addon.tieableBuffer(size);
  const bytes = new Uint8Array(source).fill(1);
  const wasm = new Uint8Array(memory.buffer, size, size);
  const touchEveryPage = () => {
    let sum = 0;
    for (let i = 0; i < size; i += PAGE) sum += wasm[i];
    return sum;
  };
  const tie = () => {
    if (!addon.tiePages(memory.buffer, size, source, 0, size)) throw new Error('tie refused');
  };
  const untie = () => addon.untiePages(memory.buffer, size, size);
  const n = size === MiB ? 200 : 20;
  const results = compare({
    memcpy(k) { for (let i = 0; i < k; i++) wasm.set(bytes); },
    copyInAndBack(k) { for (let i = 0; i < k; i++) { wasm.set(bytes); bytes.set(wasm); } },
    tieUntie(k) { for (let i = 0; i < k; i++) { tie(); untie(); } },
    tieTouchUntie(k) { for (let i = 0; i < k; i++) { tie(); touchEveryPage(); untie(); } },
  }, { n });
  tie();
  const tied = compare({ touch(k) { for (let i = 0; i < k; i++) touchEveryPage(); } }, { n });
  untie();
  const label = `${size / MiB} MiB`;
  report(`${label}: tie + read each page + untie vs memcpy`, results.tieTouchUntie, results.memcpy);
  report(`${label}: tie + untie vs memcpy`, results.tieUntie, results.memcpy);
  report(`${label}: tie + read + untie vs copy in and back`, results.tieTouchUntie, results.copyInAndBack);
  report(`${label}: read each tied page vs memcpy`, tied.touch, results.memcpy);
}

if (import.meta.url === `file://${process.argv[1]}`) tiePages();
