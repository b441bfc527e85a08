// Runs the packed package's bundles (the runtime the openers share, and the
// loader's hooks; scripts/packaging/bundles.mjs writes them) as classic
// scripts with V8's code cache, kept in zigport's cache beside the compiled
// modules. Compiling the 200 KB runtime took a quarter of a warm import,
// and compiling the hooks' functions most of what the loader's thread spent
// on one; from the cache, V8 reads the code of the script and of each
// function that had run when the cache was saved.
//
// The cache is used only where zigport's cache folder already exists (an
// import under the loader has compiled into it), so that a prebuilt module
// in plain node leaves nothing behind. Any failure to read or write it
// costs only the compile it would have saved.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { CODE_CACHE_FOLDER, cacheRoot } from '../compiler/cache-root.js';

/**
 * Runs the script at `url`, a function expression
 * `(function (exports, require, scriptUrl) { ... })` whose
 * `require(specifier)` returns `imports[specifier]` (the module namespaces
 * it imports) and whose `scriptUrl` is its own URL. Returns `{ exports,
 * saveCache }`: `saveCache()` writes the code cache the first time it is
 * called, when there was none or V8 rejected it; the caller calls it once
 * the script has done representative work, so that the cache holds the
 * functions that work compiled. `digest` is the script's own, written in
 * when it was packed: V8 checks a cache against the length of the source only.
 */
export function runCachedScript(url, digest, imports) {
  const path = fileURLToPath(url);
  const source = readFileSync(path, 'utf8');
  const cacheFile = codeCacheFile(path, digest);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new Script(source, { filename: path, cachedData });
  let unsaved = cacheFile !== null && (!cachedData || script.cachedDataRejected);
  const saveCache = () => {
    if (unsaved) writeCache(cacheFile, script);
    unsaved = false;
  };
  const exports = {};
  script.runInThisContext()(exports, (specifier) => {
    if (!Object.hasOwn(imports, specifier)) throw new Error(`zigport's bundled ${path} imports ${specifier}, which it was not given`);
    return imports[specifier];
  }, url.href);
  return { exports, saveCache };
}

/**
 * The cache file for the script at `path`, or null where zigport has no
 * cache folder. Its name carries what V8's cache depends on besides the
 * source: Node's version (and so V8's) and the machine; and the file's
 * size and modification time, so that a script edited in place is not
 * run from the code of the one it replaced.
 */
function codeCacheFile(path, digest) {
  const root = cacheRoot();
  if (!existsSync(root)) return null;
  const stats = statSync(path);
  const name = [basename(path, '.js'), digest.slice(0, 16), process.version, process.arch, stats.size, Math.trunc(stats.mtimeMs)].join('-');
  return join(root, CODE_CACHE_FOLDER, `${name}.v8`);
}

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file, script) {
  const aside = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(aside, script.createCachedData());
    renameSync(aside, file);
  } catch {
    // A read-only or full cache, or no folder to write in: the next process compiles again.
    try {
      rmSync(aside, { force: true });
    } catch {
      // There was nowhere to write it.
    }
  }
}
