// The build options a config file gives: zigport.config.json (or Zigar's
// node-zigar.config.json) in the module's folder or a parent up to the
// project root. Unknown keys and values of the wrong type are errors that
// name the file.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { nearestFile } from './project-files.js';

const CONFIG_FILES = ['zigport.config.json', 'node-zigar.config.json'];
/** What each option a config file may hold must be. */
export const CONFIG_TYPES = {
  optimize: 'string',
  // Checked where it is weighed, with the other places naming a version (wanted-zig.js).
  zigVersion: 'any',
  omitFunctions: 'boolean',
  omitVariables: 'boolean',
  useLibc: 'boolean',
  useRedirection: 'boolean',
  strip: 'boolean',
  zigArgs: 'array of strings',
};

/** What a config file may hold besides build options: settings of the loader, which build nothing. */
const FILE_TYPES = {
  ...CONFIG_TYPES,
  // Whether the loader writes the module's TypeScript declarations beside it.
  types: 'boolean',
  // The cache's size cap (cache-limit.js), such as "2GB"; checked there.
  cacheSizeLimit: 'any',
};

/**
 * What else a node-zigar.config.json may hold: settings of Zigar's own
 * tools (its build command, addon, bundler plugin) that mean nothing to an
 * import here. They are left alone, so a Zigar project's file works as it is.
 */
const ZIGAR_ONLY = new Set([
  'modules', 'sourceFiles', 'targets', 'buildDir', 'cacheDir', 'zigPath', 'quiet', 'recompile', 'clean',
  'ignoreBuildFile', 'optimizeAddon', 'useLLVM', 'topLevelAwait', 'multithreaded', 'nodeCompat', 'embedWASM',
  'stripWASM', 'stackSize', 'maxMemory', 'keepNames', 'usePthreadEmulation', 'evalBranchQuota',
]);

/** What `zigport build` reads from either file (cli/build-plan.js); nothing to an import. */
const BUILD_ONLY = new Set(['modules', 'targets']);

/** `{ file, options }` of the config file that applies to `source`, or `{ file: null, options: {} }`. */
export function readConfigFile(source) {
  const file = nearestFile(dirname(source), CONFIG_FILES);
  if (!file) return { file: null, options: {} };
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TypeError(`${file}: cannot be read as JSON (${err.message})`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new TypeError(`${file}: must hold a JSON object of options`);
  }
  const zigars = file.endsWith('node-zigar.config.json');
  const options = {};
  for (const [key, value] of Object.entries(config)) {
    if (BUILD_ONLY.has(key) || (zigars && ZIGAR_ONLY.has(key))) continue;
    // Zigar's zigArgs is one string of space-separated arguments.
    const given = zigars && key === 'zigArgs' && typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
    checkEntry(file, key, given);
    options[key] = given;
  }
  return { file, options };
}

function checkEntry(file, key, value) {
  const type = FILE_TYPES[key];
  if (!type) {
    throw new TypeError(`${file}: unrecognized option "${key}"; known options: ${Object.keys(FILE_TYPES).join(', ')}`);
  }
  if (type === 'any') return;
  const ok = type === 'array of strings'
    ? Array.isArray(value) && value.every((v) => typeof v === 'string')
    : typeof value === type;
  if (!ok) throw new TypeError(`${file}: "${key}" must be ${type === 'array of strings' ? 'an' : 'a'} ${type}, not ${JSON.stringify(value)}`);
}
