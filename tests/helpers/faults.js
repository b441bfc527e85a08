// Runs tests/apps/fault-in-zig.mjs in a child process, for the tests of
// faults in Zig that end the process (tests/runtime/faults-*.test.js).
import { importFixture, runNode } from './fixtures.js';

/**
 * Calls `name(argument)` of zig-fixtures/faults/`fixture` in a child
 * process and returns `{ status, signal, stdout, stderr }`. The fixture is
 * imported here first, so a cold compile happens in this process rather
 * than under the child's time limit.
 */
export async function runFault(fixture, mode, name, argument, optimize) {
  await importFixture(`faults/${fixture}`, { mode, ...(optimize ? { optimize } : {}) });
  const args = ['tests/apps/fault-in-zig.mjs', fixture, mode, name];
  if (argument !== undefined) args.push(String(argument));
  if (optimize) args.push(optimize);
  return runNode(args);
}
