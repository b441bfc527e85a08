// zigport's plugin for Vite and Rollup: `import { f } from './f.zig'` in a
// web project. Each .zig module is compiled to WebAssembly (ReleaseSmall and
// stripped in a production build, Debug in development), emitted as a .wasm
// asset with a hashed name or embedded as base64 (`embedWASM`), and replaced
// by a small JS module that awaits it through `zigport/web` and re-exports
// its values. Only Rollup's hooks are needed; the Vite-only ones add the
// dev server's serving of .wasm files. Nothing runs on import.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModule } from './internal/compiler/index.js';
import { collectSources } from './internal/compiler/sources.js';
import { readConfigFile } from './internal/compiler/config-file.js';
import { moduleOptions, pluginOptions, splitId } from './internal/bundler/options.js';
import { readDescriptor } from './internal/bundler/descriptor.js';
import { embeddedBytes, moduleCode } from './internal/bundler/module-code.js';
import { exportNames } from './internal/loader/export-names.js';
import { bundlerError } from './internal/bundler/compile-error.js';
import { WasmFiles } from './internal/bundler/dev-server.js';

/** Where generated modules import `loadWasmModule` from: this package's own, wherever the .zig file is. */
const WEB_ENTRY = fileURLToPath(new URL('./web.js', import.meta.url));

/** The plugin; `options` as described in the README ("In the browser (Vite)"). */
export function zigport(options = {}) {
  const settings = pluginOptions(options);
  const served = new WasmFiles();
  // Vite says which it runs (configResolved); plain Rollup is a production build unless watching.
  let vite = null;
  let dev = false;
  return {
    name: 'zigport',
    enforce: 'pre',
    configResolved(config) {
      vite = config;
      dev = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use(served.middleware());
    },
    buildStart() {
      if (!vite) dev = Boolean(this.meta?.watchMode);
    },
    // Relative imports, whose query (build options) Rollup would take for part of the name.
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !splitId(source)) return null;
      const at = source.indexOf('?');
      const [file, query] = at < 0 ? [source, ''] : [source.slice(0, at), source.slice(at)];
      return resolve(dirname(splitId(importer)?.file ?? importer.split('?')[0]), file) + query;
    },
    async load(id) {
      const parts = splitId(id);
      if (!parts) return null;
      try {
        return await zigModule(this, parts);
      } catch (err) {
        return this.error(bundlerError(err, parts.file));
      }
    },
  };

  async function zigModule(context, { file, query }) {
    // An edit to the module, a file it reaches or its config file rebuilds
    // it; watched before compiling, so that fixing a compile error does too.
    for (const { path } of collectSources(file)) context.addWatchFile(path);
    const config = readConfigFile(file).file;
    if (config) context.addWatchFile(config);
    const wasmFile = await compileModule(file, moduleOptions(file, query, settings, { dev }));
    const names = exportNames(readDescriptor(wasmFile));
    return moduleCode({ webEntry: WEB_ENTRY, wasm: wasmSource(context, file, wasmFile), names });
  }

  /** A JS expression for the compiled module: embedded, served by the dev server, or an emitted asset. */
  function wasmSource(context, file, wasmFile) {
    if (settings.embedWASM) return embeddedBytes(readFileSync(wasmFile));
    // Not `new URL('literal', import.meta.url)`, which Vite would take for a file of the project.
    if (dev && vite) return `new URL([${JSON.stringify(served.add(wasmFile, vite.base))}][0], import.meta.url)`;
    const ref = context.emitFile({ type: 'asset', name: `${basename(file, '.zig')}.wasm`, source: readFileSync(wasmFile) });
    // Rollup gives an absolute URL, Vite one relative to its `base`.
    return `new URL(import.meta.ROLLUP_FILE_URL_${ref}, import.meta.url)`;
  }
}

export default zigport;
