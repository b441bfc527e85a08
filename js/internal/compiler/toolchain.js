// Chooses the Zig that builds a module, in this order: $ZIG when set (and
// then only it); else the version the module asks for (its `?zigVersion=`
// query, or the nearest zigport.config.json); else the project default, or,
// when a build.zig.zon beside the module sets `minimum_zig_version` the
// default does not meet, the oldest installed Zig that meets it. Only the
// versions the exporter is written for are accepted (zig-version.js).
import { ZigToolchainError } from '../errors.js';
import { installedZigs, zigVersionOf } from './zig-binaries.js';
import { defaultVersion } from './wanted-zig.js';
import {
  SUPPORTED_ZIG, compareVersions, isSatisfiable, isSupportedRequest, isSupportedVersion, matchRequest, oldestSatisfying,
  parseRequest, parseVersion, satisfies, setupVersionForMinimum, setupVersionForRequest,
} from './zig-version.js';

// Modules of one process may want different Zigs, so choices are remembered
// per input rather than once.
const chosen = new Map();
const inventories = new Map();

/**
 * `{ path, version }` of the Zig to build with, for what a module wants
 * (wanted-zig.js; the project default when omitted). Versions are remembered
 * in `cacheRoot`, so a warm import never runs zig.
 */
export function findZig(cacheRoot, wanted = { request: null, minimum: null, fallback: defaultVersion() }) {
  const zigEnv = process.env.ZIG || null;
  const key = JSON.stringify([cacheRoot, zigEnv, process.env.PATH, wanted.request?.text, wanted.minimum?.text, wanted.fallback.text]);
  if (!chosen.has(key)) {
    chosen.set(key, zigEnv ? checkZigEnv(zigEnv, cacheRoot) : choose(wanted, () => installed(cacheRoot)));
  }
  return chosen.get(key);
}

/** A ZIG the user chose is not second-guessed: falling back to another zig would hide that theirs is wrong. */
function checkZigEnv(path, cacheRoot) {
  const version = zigVersionOf(path, cacheRoot);
  if (version === null) {
    throw new ZigToolchainError(`ZIG=${path}`, `this does not answer \`zig version\`, and zigport needs Zig ${SUPPORTED_ZIG}. ` +
      'Point ZIG at a supported zig, or unset it to use one installed by scripts/setup.sh --zig <version>.');
  }
  if (!isSupportedVersion(version)) {
    throw new ZigToolchainError(`ZIG=${path}`, `this is Zig ${version}, and zigport needs Zig ${SUPPORTED_ZIG}. ` +
      'Point ZIG at a supported zig, or unset it to use one installed by scripts/setup.sh --zig <version>.');
  }
  return { path, version };
}

function installed(cacheRoot) {
  const key = JSON.stringify([cacheRoot, process.env.PATH]);
  if (!inventories.has(key)) {
    inventories.set(key, installedZigs(cacheRoot).filter((zig) => isSupportedVersion(zig.version)));
  }
  return inventories.get(key);
}

function choose({ request, minimum, fallback }, zigs) {
  if (request) {
    const wanted = checkedRequest(request);
    return matchRequest(wanted, zigs()) ?? notInstalled(request, wanted, zigs());
  }
  const wanted = checkedRequest(fallback);
  const byDefault = matchRequest(wanted, zigs());
  const floor = minimum && checkedMinimum(minimum);
  // The default as it would be once installed, to judge it against the minimum.
  if (!floor || satisfies(byDefault?.version ?? setupVersionForRequest(wanted), floor)) {
    return byDefault ?? notInstalled(fallback, wanted, zigs());
  }
  return oldestSatisfying(floor, zigs()) ?? tooOld(minimum, floor, zigs());
}

/** The parsed request, or an error naming where it was written. */
function checkedRequest({ text, from }) {
  const request = parseRequest(text);
  if (!request) {
    throw new ZigToolchainError(from, `"${text}" is not a Zig version; write it as 0.16 (the newest installed 0.16.x) ` +
      `or 0.16.0. zigport needs Zig ${SUPPORTED_ZIG}.`);
  }
  if (!isSupportedRequest(request)) {
    throw new ZigToolchainError(from, `Zig ${request.text} is not supported; zigport needs Zig ${SUPPORTED_ZIG}.`);
  }
  return request;
}

function checkedMinimum({ text, from }) {
  const minimum = parseVersion(text);
  if (!minimum) throw new ZigToolchainError(from, `"${text}" is not a Zig version such as 0.16.0.`);
  if (!isSatisfiable(minimum)) {
    throw new ZigToolchainError(from, `no supported Zig is that new; zigport needs Zig ${SUPPORTED_ZIG}.`);
  }
  return minimum;
}

function notInstalled({ from }, request, zigs) {
  const setup = setupVersionForRequest(request);
  const series = request.exact ?? `${request.line}.x`;
  throw new ZigToolchainError(from, `Zig ${request.text} is not installed (installed: ${listed(zigs)}). ` +
    `Install it with scripts/setup.sh --zig ${setup}, or set ZIG to a zig ${series} binary.`);
}

function tooOld({ from }, minimum, zigs) {
  throw new ZigToolchainError(from, `every installed Zig is older than ${minimum.text} (installed: ${listed(zigs)}). ` +
    `Install a newer one with scripts/setup.sh --zig ${setupVersionForMinimum(minimum)}, or set ZIG to one.`);
}

function listed(zigs) {
  const versions = [...new Set(zigs.map((zig) => zig.version))]
    .sort((a, b) => compareVersions(parseVersion(a), parseVersion(b)));
  return versions.length > 0 ? versions.join(', ') : 'none';
}
