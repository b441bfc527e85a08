// Production builds and dev servers of a page with Vite's JS API and
// zigport's plugin, in temp dirs that end with the test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../../helpers/fixtures.js';
import { zigport } from '../../../js/vite.js';

export const EXAMPLE = join(ROOT, 'examples', 'web-hash');

/**
 * Builds the page in `root` with `options` for the plugin (`build` adds to
 * Vite's build options); resolves to `{ dir, files, warnings }` of the output.
 */
export async function buildPage(t, root, options = {}, build = {}) {
  const vite = await import('vite');
  const dir = tempDir(t, 'zigport-vite-out-');
  const warnings = [];
  const customLogger = vite.createLogger('silent');
  customLogger.warn = (message) => warnings.push(message);
  customLogger.warnOnce = customLogger.warn;
  await vite.build({
    root,
    configFile: false,
    logLevel: 'silent',
    customLogger,
    plugins: [zigport(options)],
    build: { outDir: dir, emptyOutDir: true, ...build },
  });
  return { dir, files: readdirSync(dir, { recursive: true }).map(String), warnings };
}

/** The text of every .js file of a build. */
export function scriptsOf({ dir, files }) {
  return files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

/** A Vite dev server for the page in `root`, closed after test `t`; resolves to `{ server, url }`. */
export async function startDevServer(t, root, options = {}) {
  const { createServer } = await import('vite');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [zigport(options)],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  t.after(() => server.close());
  await server.listen();
  return { server, url: server.resolvedUrls.local[0] };
}
