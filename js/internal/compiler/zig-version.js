// The Zig versions zigport supports, and how a wanted version (a request
// such as "0.16" or "0.16.0", a build.zig.zon minimum) is matched against the
// versions installed. Pure: no files, no processes.

/**
 * One row per Zig release line zigport supports: the oldest patch release it
 * accepts, the release scripts/setup.sh installs for the line, and the file
 * of the `zig_builtins` module (js/zig/builtins/) the exporter is built with.
 * Supporting a new line is one more row here and one more version in
 * scripts/setup.sh (a test checks that the two agree).
 */
export const ZIG_LINES = [
  { line: '0.15', oldest: '0.15.2', setup: '0.15.2', builtins: 'zig-0.15.zig' },
  { line: '0.16', oldest: '0.16.0', setup: '0.16.0', builtins: 'zig-0.16.zig' },
  { line: '0.17', oldest: '0.17.0', setup: '0.17.1', builtins: 'zig-0.16.zig' },
];

/** The version a module gets when nothing asks for another one. */
export const DEFAULT_ZIG_VERSION = '0.15.2';

/** The supported versions as a user reads them: "0.15.2, 0.16.x or 0.17.x". */
export const SUPPORTED_ZIG = (() => {
  const names = ZIG_LINES.map((l) => (l.oldest.endsWith('.0') ? `${l.line}.x` : l.oldest));
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
})();

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const REQUEST = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

/** `{ major, minor, patch, pre, text }` of a version such as "0.16.0-dev.42+abc", or null. */
export function parseVersion(text) {
  const m = VERSION.exec(String(text).trim());
  if (!m) return null;
  return { major: +m[1], minor: +m[2], patch: +m[3], pre: m[4] ?? null, text: m[0] };
}

/** Semantic-version order of two parsed versions (a pre-release comes before its release). */
export function compareVersions(a, b) {
  for (const field of ['major', 'minor', 'patch']) {
    if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  }
  if (a.pre === b.pre) return 0;
  if (a.pre === null || b.pre === null) return a.pre === null ? 1 : -1;
  const x = a.pre.split('.');
  const y = b.pre.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const numeric = /^\d+$/.test(x[i]) && /^\d+$/.test(y[i]);
    if (numeric) return +x[i] < +y[i] ? -1 : 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

/** The ZIG_LINES row of a parsed version or request, if its line is supported. */
function rowOf({ major, minor }) {
  return ZIG_LINES.find((row) => row.line === `${major}.${minor}`);
}

/** Whether zigport builds with a Zig reporting `text` (releases only, not dev builds). */
export function isSupportedVersion(text) {
  const version = parseVersion(text);
  const row = version && rowOf(version);
  return Boolean(row) && version.pre === null && compareVersions(version, parseVersion(row.oldest)) >= 0;
}

/**
 * A wanted version as written by the user: "0.16" (the newest installed
 * 0.16.x) or "0.16.0" (exactly). `{ text, line, exact }`, or null when it is
 * not written that way.
 */
export function parseRequest(text) {
  const m = REQUEST.exec(String(text).trim());
  if (!m) return null;
  const line = `${+m[1]}.${+m[2]}`;
  return { text: m[0], line, exact: m[3] === undefined ? null : `${line}.${+m[3]}` };
}

/** Whether some supported version fulfils a parsed request. */
export function isSupportedRequest(request) {
  if (request.exact) return isSupportedVersion(request.exact);
  return ZIG_LINES.some((row) => row.line === request.line);
}

/** The installed Zig (`{ version }`) a request picks: the exact version, or the newest of its line. */
export function matchRequest(request, installed) {
  const fits = installed.filter((zig) => (request.exact
    ? zig.version === request.exact
    : lineOf(zig.version) === request.line));
  return newest(fits);
}

/** The oldest installed Zig whose version is at least `minimum` (a parsed version). */
export function oldestSatisfying(minimum, installed) {
  const fits = installed.filter((zig) => compareVersions(parseVersion(zig.version), minimum) >= 0);
  return fits.reduce((best, zig) => (best && compare(best, zig) <= 0 ? best : zig), null);
}

/** Whether any supported version could be at least `minimum` (a parsed version). */
export function isSatisfiable(minimum) {
  const last = parseVersion(ZIG_LINES.at(-1).oldest);
  return minimum.major < last.major || (minimum.major === last.major && minimum.minor <= last.minor);
}

/** Whether `version` (text) is at least `minimum` (a parsed version). */
export function satisfies(version, minimum) {
  return compareVersions(parseVersion(version), minimum) >= 0;
}

/** The version to hand scripts/setup.sh --zig so that `request` (parsed) is installed. */
export function setupVersionForRequest(request) {
  return request.exact ?? ZIG_LINES.find((row) => row.line === request.line).setup;
}

/** The version to hand scripts/setup.sh --zig so that a Zig of at least `minimum` is installed. */
export function setupVersionForMinimum(minimum) {
  const row = ZIG_LINES.find((r) => compareVersions(parseVersion(r.setup), minimum) >= 0);
  return row ? row.setup : `${minimum.major}.${minimum.minor}.${minimum.patch}`;
}

/** The `zig_builtins` file name (in js/zig/builtins/) for a supported version. */
export function builtinsFileFor(version) {
  const row = isSupportedVersion(version) && rowOf(parseVersion(version));
  if (!row) throw new Error(`zigport has no zig_builtins module for Zig ${version}; it supports ${SUPPORTED_ZIG}`);
  return row.builtins;
}

function lineOf(version) {
  const v = parseVersion(version);
  return v && `${v.major}.${v.minor}`;
}

function compare(a, b) {
  return compareVersions(parseVersion(a.version), parseVersion(b.version));
}

/** The newest of `zigs`; the first listed wins a tie, so a project-local Zig beats one on PATH. */
function newest(zigs) {
  return zigs.reduce((best, zig) => (best && compare(best, zig) >= 0 ? best : zig), null);
}
