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
  zigArgs: 'array of strings',
};

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
  for (const [key, value] of Object.entries(config)) checkEntry(file, key, value);
  return { file, options: config };
}

function checkEntry(file, key, value) {
  const type = CONFIG_TYPES[key];
  if (!type) {
    throw new TypeError(`${file}: unrecognized option "${key}"; known options: ${Object.keys(CONFIG_TYPES).join(', ')}`);
  }
  if (type === 'any') return;
  const ok = type === 'array of strings'
    ? Array.isArray(value) && value.every((v) => typeof v === 'string')
    : typeof value === type;
  if (!ok) throw new TypeError(`${file}: "${key}" must be ${type === 'array of strings' ? 'an' : 'a'} ${type}, not ${JSON.stringify(value)}`);
}
