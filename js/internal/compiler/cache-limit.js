// The cache's automatic size cap, which compileModule applies after each
// compile (never on a warm import), removing the least recently used modules.
// The cap is ZIGPORT_CACHE_MAX_SIZE, else `cacheSizeLimit` in the module's
// zigport.config.json, else 1 GB; 0 turns it off. Sizes and ages are
// written as on the command line: 500MB, 2GB, 30d, 12h.
import { readConfigFile } from './config-file.js';

export const DEFAULT_SIZE_LIMIT = 1024 ** 3;
const SIZE_UNITS = { '': 1, B: 1, K: 1024, KB: 1024, M: 1024 ** 2, MB: 1024 ** 2, G: 1024 ** 3, GB: 1024 ** 3, T: 1024 ** 4, TB: 1024 ** 4 };
const DURATION_UNITS = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Bytes in a size such as `500MB`, `1.5G` or `1048576` (units are powers of 1024); `what` names it in the error. */
export function parseSize(text, what) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(text));
  const unit = match && SIZE_UNITS[match[2].toUpperCase()];
  if (!unit) throw new RangeError(`${what} must be a size such as 500MB, 2GB or a number of bytes, not ${JSON.stringify(text)}`);
  return Math.floor(Number(match[1]) * unit);
}

/** Milliseconds in a duration such as `30d`, `12h`, `45m`, `2w` or `90s`; `what` names it in the error. */
export function parseDuration(text, what) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/.exec(String(text));
  if (!match) throw new RangeError(`${what} must be a duration such as 30d, 12h, 45m, 2w or 90s, not ${JSON.stringify(text)}`);
  return Number(match[1]) * DURATION_UNITS[match[2]];
}

/** The size cap in bytes for modules built from `source` (null when none applies), or 0 when turned off. */
export function sizeLimit(source, env = process.env) {
  if (env.ZIGPORT_CACHE_MAX_SIZE) return parseSize(env.ZIGPORT_CACHE_MAX_SIZE, 'ZIGPORT_CACHE_MAX_SIZE');
  const { file, options } = source ? readConfigFile(source) : { options: {} };
  if (options.cacheSizeLimit !== undefined) return parseSize(options.cacheSizeLimit, `${file}: "cacheSizeLimit"`);
  return DEFAULT_SIZE_LIMIT;
}
