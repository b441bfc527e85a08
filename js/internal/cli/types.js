// `zigport types f.zig`: compiles a module (or finds it in the cache) and
// writes its TypeScript declarations beside it as `f.d.zig.ts`.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileModule } from '../compiler/index.js';
import { parseOptions } from '../compiler/options.js';
import { writeDeclarations } from '../declarations/write.js';
import { libraryDescriptor } from '../loader/library-descriptor.js';
import { UsageError } from './usage-error.js';

export const summary = 'write TypeScript declarations (f.d.zig.ts) for a .zig module';

export const usage = `Usage: zigport types <file.zig> [--target native|wasm] [--optimize MODE]

Compiles the module (or finds it in zigport's cache) and writes its
TypeScript declarations beside it as <file>.d.zig.ts, the file TypeScript
reads for \`import ... from './file.zig'\` with allowArbitraryExtensions.

Options:
  --target native|wasm   the kind of module to describe (default: native)
  --optimize MODE        Debug, ReleaseSafe, ReleaseSmall or ReleaseFast
`;

/** Writes the declarations of the file the command line names; resolves to the exit code. */
export async function run(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { target: { type: 'string' }, optimize: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('name one .zig file', 'types');
  const source = resolve(positionals[0]);
  if (!source.endsWith('.zig')) throw new UsageError(`${positionals[0]} is not a .zig file`, 'types');
  if (!existsSync(source) || !statSync(source).isFile()) throw new Error(`${positionals[0]}: no such file`);
  const query = new URLSearchParams(Object.entries(values));
  const options = parseOptions(query, process.env, source);
  const library = await compileModule(source, options);
  const wasm = options.target === 'wasm';
  const descriptor = libraryDescriptor(library, wasm);
  const { path } = writeDeclarations(source, descriptor, { wasm });
  process.stdout.write(`${path}\n`);
  return 0;
}
