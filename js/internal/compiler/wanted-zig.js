// What Zig version a module asks for, from each place that may say it: the
// import's `?zigVersion=` query, the nearest zigport.config.json, the
// `minimum_zig_version` of a build.zig.zon beside the module, and the
// project default ($ZIGPORT_ZIG_VERSION). Each answer carries where it came
// from, for error messages. toolchain.js decides between them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ZigToolchainError } from '../errors.js';
import { DEFAULT_ZIG_VERSION } from './zig-version.js';

const CONFIG_FILE = 'zigport.config.json';
// Strings are matched so that a `//` inside one is not taken for a comment.
const ZON_STRING_OR_COMMENT = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*/g;
const ZON_MINIMUM = /\.minimum_zig_version\s*=\s*"((?:[^"\\\n]|\\.)*)"/;

/**
 * `{ request, minimum, fallback }` for `source`: each `{ text, from }` or null
 * (fallback never is). `zigVersion` is the query option, if any.
 */
export function wantedZig(source, zigVersion, env = process.env) {
  const fromQuery = zigVersion === undefined ? null : { text: zigVersion, from: `${source}?zigVersion=${zigVersion}` };
  return {
    request: fromQuery ?? configVersion(dirname(source)),
    minimum: zonMinimum(join(dirname(source), 'build.zig.zon')),
    fallback: defaultVersion(env),
  };
}

/** The project default: $ZIGPORT_ZIG_VERSION (how a test run switches every module), else 0.15.2. */
export function defaultVersion(env = process.env) {
  return env.ZIGPORT_ZIG_VERSION
    ? { text: env.ZIGPORT_ZIG_VERSION, from: `ZIGPORT_ZIG_VERSION=${env.ZIGPORT_ZIG_VERSION}` }
    : { text: DEFAULT_ZIG_VERSION, from: 'the default Zig version' };
}

/** `zigVersion` of the zigport.config.json in `dir` or its nearest ancestor that has one. */
function configVersion(dir) {
  const file = nearest(dir, CONFIG_FILE);
  if (!file) return null;
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ZigToolchainError(file, `cannot be read as JSON (${err.message})`);
  }
  const value = config?.zigVersion;
  if (value === undefined) return null;
  if (typeof value !== 'string') {
    throw new ZigToolchainError(file, `"zigVersion" must be a string such as "0.16" or "0.16.0", not ${JSON.stringify(value)}`);
  }
  return { text: value, from: `${file} ("zigVersion": ${JSON.stringify(value)})` };
}

function nearest(dir, name) {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, name))) return join(at, name);
    if (dirname(at) === at) return null;
  }
}

/** The `minimum_zig_version` string of build.zig.zon `file`, if it exists and has one. */
function zonMinimum(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const code = text.replace(ZON_STRING_OR_COMMENT, (token) => (token.startsWith('//') ? '' : token));
  const match = ZON_MINIMUM.exec(code);
  return match && { text: match[1], from: `${file} (minimum_zig_version "${match[1]}")` };
}
