// Which Zig versions scripts/setup.sh installs, from the compiler driver's
// own table (js/internal/compiler/zig-version.js), so the two never disagree.
//
//   node scripts/zig-versions.mjs [--no-default] [SPEC...]
//
// Prints one version per line: the default first (unless --no-default),
// then each SPEC: a version ("0.16.0"), a line ("0.16", its usual release),
// "all", or a comma list of those. An unsupported SPEC exits with status 2
// and says what is supported.
import {
  DEFAULT_ZIG_VERSION, SUPPORTED_ZIG, ZIG_LINES, isSupportedRequest, parseRequest, setupVersionForRequest,
} from '../js/internal/compiler/zig-version.js';

const ALL = ZIG_LINES.map((row) => row.setup);

function resolve(spec) {
  if (spec === 'all') return ALL;
  const request = parseRequest(spec);
  if (!request || !isSupportedRequest(request)) {
    process.stderr.write(`setup: --zig ${spec}: zigport supports Zig ${SUPPORTED_ZIG}; ` +
      `give one of ${ALL.join(', ')} (or another patch release of those lines), a line such as 0.16, or all.\n`);
    process.exit(2);
  }
  return [setupVersionForRequest(request)];
}

const args = process.argv.slice(2);
const withDefault = !args.includes('--no-default');
const specs = args.filter((arg) => arg !== '--no-default')
  .flatMap((arg) => arg.split(',')).map((s) => s.trim()).filter(Boolean);
const versions = new Set([...(withDefault ? [DEFAULT_ZIG_VERSION] : []), ...specs.flatMap(resolve)]);
process.stdout.write([...versions].map((v) => `${v}\n`).join(''));
