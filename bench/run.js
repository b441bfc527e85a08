// Runs every benchmark and prints each figure beside its baseline from the
// same run. Usage: npm run bench
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scalarCall } from './scalar-call.js';
import { importTime, prebuiltImportTime } from './import-time.js';
import { sliceCalls } from './slices.js';
import { structCalls } from './structs.js';
import { wasmCalls } from './wasm.js';
import { webHostCalls } from './wasm-web.js';
import { tiePages } from './tie-pages.js';
import { callbackCalls } from './callbacks.js';
import { planCalls } from './plan.js';
import { coldCompileTime } from './cold-compile.js';

const scratch = mkdtempSync(join(tmpdir(), 'zigport-bench-'));
try {
  console.log(`zigport benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  await scalarCall({ scratch });
  await sliceCalls();
  await structCalls();
  await wasmCalls({ scratch });
  webHostCalls({ scratch });
  await callbackCalls({ scratch });
  planCalls();
  tiePages();
  await importTime({ scratch });
  await prebuiltImportTime({ scratch });
  await coldCompileTime({ scratch });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
