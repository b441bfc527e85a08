// Cold and warm import of a small module, each in a fresh Node process,
// against the same process importing an empty JS module instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report } from './lib/measure.js';

const REGISTER = fileURLToPath(new URL('../js/register.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/scalar-add.zig', import.meta.url));

function timeProcess(script, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', REGISTER, '--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`import benchmark child failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function importTime({ scratch, runs = 3 }) {
  const emptyModule = join(scratch, 'empty.mjs');
  writeFileSync(emptyModule, 'export const add = (a, b) => a + b;\n');
  const zigScript = `const { add } = await import(${JSON.stringify(FIXTURE)}); add(1, 2);`;
  const jsScript = `const { add } = await import(${JSON.stringify(emptyModule)}); add(1, 2);`;
  const cold = [];
  const warm = [];
  const bare = [];
  for (let r = 0; r < runs; r++) {
    const cache = mkdtempSync(join(scratch, 'cache-'));
    cold.push(timeProcess(zigScript, { ZIGPORT_CACHE_DIR: cache }));
    warm.push(timeProcess(zigScript, { ZIGPORT_CACHE_DIR: cache }));
    bare.push(timeProcess(jsScript, { ZIGPORT_CACHE_DIR: cache }));
    rmSync(cache, { recursive: true, force: true });
  }
  console.log(`\n## Import of a small module (ms per process, median of ${runs}; baseline: same process importing a JS module)`);
  report('cold import (compile, Debug)', median(cold), median(bare), undefined, 'ms');
  report('warm import (cached library)', median(warm), median(bare), undefined, 'ms');
}
