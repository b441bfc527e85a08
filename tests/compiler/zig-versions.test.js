// Which Zig builds a module: ZIG; else `?zigVersion=` or the nearest
// zigport.config.json (the query first); else the project default
// ($ZIGPORT_ZIG_VERSION, else 0.15.2), unless a build.zig.zon beside the
// module sets a minimum_zig_version the default does not meet, which picks
// the oldest installed Zig that does. Also: the errors when no Zig fits, and
// one cached library per Zig.
//
// The rules are checked three ways: as pure functions; through the loader in
// a copy of the package whose Zigs are stand-ins that only say their version
// (so every case runs whatever is installed here); and through the loader
// with the real installed Zigs, each module saying which Zig compiled it. A
// real case whose Zig is not installed is skipped with the reason; `npm test`
// installs them all.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  MODES, ROOT, TEST_CACHE_DIR, copyFixtures, fixtureUrl, freshCacheDir, modeOptions, runNode, tempDir,
} from '../helpers/fixtures.js';
import {
  SUPPORTED_ZIG, ZIG_LINES, builtinsFileFor, compareVersions, isSupportedVersion, matchRequest, oldestSatisfying,
  parseRequest, parseVersion,
} from '../../js/internal/compiler/zig-version.js';
import { buildArguments } from '../../js/internal/compiler/build.js';
import { installedZigs } from '../../js/internal/compiler/zig-binaries.js';

const APP = join(ROOT, 'tests', 'apps', 'report-zig-versions.mjs');
const SUPPORTED = /zigport needs Zig 0\.15\.2, 0\.16\.x or 0\.17\.x/;

const REPORTER = 'compiler/reports-zig-version';
const CONFIG_IN_PARENT = 'compiler/config-in-parent/lib/reports-zig-version';
const CONFIG_UNSUPPORTED = 'compiler/config-unsupported-0.14/reports-zig-version';
const ZON_MINIMUM_014 = 'compiler/zon-minimum-0.14/reports-zig-version';
const ZON_MINIMUM_016 = 'compiler/zon-minimum-0.16/reports-zig-version';
const ZON_MINIMUM_018 = 'compiler/zon-minimum-0.18/reports-zig-version';

/** The environment of a child that should choose only by what a test gives it. */
const NEUTRAL_ENV = { ZIG: undefined, ZIGPORT_ZIG_VERSION: undefined };

describe('Zig versions: the rules', () => {
  test('versions order as releases do, a pre-release before its release', () => {
    const sorted = ['0.16.0', '0.15.2', '0.16.0-dev.10+abc', '0.16.0-dev.9', '0.17.1', '0.16.10']
      .map(parseVersion).sort(compareVersions).map((v) => v.text);
    assert.deepEqual(sorted, ['0.15.2', '0.16.0-dev.9', '0.16.0-dev.10+abc', '0.16.0', '0.16.10', '0.17.1']);
    assert.equal(parseVersion('0.16'), null);
  });

  test('supported: 0.15.2 and every 0.16.x and 0.17.x release, nothing else', () => {
    for (const v of ['0.15.2', '0.16.0', '0.16.7', '0.17.0', '0.17.1']) assert.ok(isSupportedVersion(v), v);
    for (const v of ['0.15.1', '0.14.1', '0.18.0', '1.16.0', '0.16.0-dev.42+abc', 'zig']) assert.ok(!isSupportedVersion(v), v);
    assert.equal(SUPPORTED_ZIG, '0.15.2, 0.16.x or 0.17.x');
  });

  test('a request names a line (its newest installed release) or one exact version', () => {
    const installed = ['0.15.2', '0.16.0', '0.16.1', '0.17.1'].map((version) => ({ version }));
    assert.equal(matchRequest(parseRequest('0.16'), installed).version, '0.16.1');
    assert.equal(matchRequest(parseRequest('0.16.0'), installed).version, '0.16.0');
    assert.equal(matchRequest(parseRequest('0.17.0'), installed), null);
    assert.equal(parseRequest('0.16.x'), null);
    assert.equal(parseRequest('latest'), null);
  });

  test('a minimum picks the oldest installed release that meets it; the first found wins a tie', () => {
    const installed = [{ version: '0.17.1', path: 'a' }, { version: '0.16.1', path: 'b' }, { version: '0.16.1', path: 'c' }];
    assert.equal(oldestSatisfying(parseVersion('0.16.0'), installed).path, 'b');
    assert.equal(oldestSatisfying(parseVersion('0.16.0-dev.3'), installed).path, 'b');
    assert.equal(oldestSatisfying(parseVersion('0.17.0'), installed).path, 'a');
    assert.equal(oldestSatisfying(parseVersion('0.17.2'), installed), null);
  });

  test('every supported line has a zig_builtins file; 0.17 shares the 0.16 one', () => {
    assert.equal(builtinsFileFor('0.15.2'), 'zig-0.15.zig');
    assert.equal(builtinsFileFor('0.16.0'), 'zig-0.16.zig');
    assert.equal(builtinsFileFor('0.17.1'), 'zig-0.16.zig');
    assert.throws(() => builtinsFileFor('0.18.0'), /no zig_builtins module for Zig 0\.18\.0; it supports 0\.15\.2, 0\.16\.x or 0\.17\.x/);
    for (const { builtins } of ZIG_LINES) assert.ok(existsSync(join(ROOT, 'js', 'zig', 'builtins', builtins)), builtins);
  });

  test("the exporter gets the user's file as `module`, the builtins of its Zig as `zig_builtins`, and both get `zigar`", () => {
    const args = buildArguments({
      source: '/src/m.zig', output: '/out/m.so', optimize: 'Debug', root: '/c', zigVersion: '0.17.1', options: '/c/o.zig',
    });
    const at = args.indexOf('--dep');
    assert.deepEqual(args.slice(at, at + 15), [
      '--dep', 'module', '--dep', 'zig_builtins', '--dep', 'zigar', '--dep', 'zigport_options',
      `-Mroot=${join(ROOT, 'js', 'zig', 'exporter.zig')}`,
      '--dep', 'zigar',
      '-Mmodule=/src/m.zig',
      `-Mzig_builtins=${join(ROOT, 'js', 'zig', 'builtins', 'zig-0.16.zig')}`,
      `-Mzigar=${join(ROOT, 'js', 'zig', 'zigar', 'zigar.zig')}`,
      '-Mzigport_options=/c/o.zig',
    ]);
  });

  test("setup.sh's --zig reads the same table: all is one release per line, and others are refused", () => {
    const versions = (...specs) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'zig-versions.mjs'), ...specs], { encoding: 'utf8' });
    assert.deepEqual(versions('all').stdout.trim().split('\n'), ZIG_LINES.map((row) => row.setup));
    assert.deepEqual(versions('0.17', '0.16.3,0.16').stdout.trim().split('\n'), ['0.15.2', '0.17.1', '0.16.3', '0.16.0']);
    const refused = versions('0.16.0', '0.18');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--zig 0\.18: zigport supports Zig 0\.15\.2, 0\.16\.x or 0\.17\.x/);
  });
});

// --- Stand-in Zigs: every rule and error, whatever is installed -------------

/**
 * A copy of the zigport package whose Zigs are stand-ins: one in
 * .tools/zig-<v>/ziglang/zig for each of `local`, and one `zig` on PATH
 * reporting `onPath`. A stand-in answers `zig version` (and logs that it
 * was asked) and fails every build, naming its version, its path and the
 * zig_builtins file it was given, so the import's error says which Zig the
 * loader chose. Returns `{ paths, pathZig, cache, versionCalls, run }`:
 * the stand-ins' paths by version, the one on PATH, the package's zigport
 * cache, the paths of every stand-in asked its version so far, and `run`.
 */
function standInToolchain(t, { local, onPath = null }) {
  const pkg = tempDir(t, 'zigport-pkg-');
  cpSync(join(ROOT, 'js'), join(pkg, 'js'), { recursive: true, dereference: true });
  const log = join(pkg, 'version-calls.log');
  writeFileSync(log, '');
  const paths = {};
  for (const version of local) paths[version] = standIn(join(pkg, '.tools', `zig-${version}`, 'ziglang'), version, log);
  const pathDir = join(pkg, 'bin');
  mkdirSync(pathDir);
  const pathZig = onPath && standIn(pathDir, onPath, log);
  const cache = tempDir(t, 'zigport-cache-');
  return {
    paths,
    pathZig,
    cache,
    versionCalls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    /** Imports each of `urls` in one new process; returns each one's `{ value }` or `{ error }`. */
    run(urls, env = {}) {
      const result = spawnSync(process.execPath, ['--import', join(pkg, 'js', 'register.js'), APP, ...urls], {
        env: { ...process.env, ...NEUTRAL_ENV, ZIGPORT_CACHE_DIR: cache, PATH: pathDir, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout);
    },
  };
}

function standIn(dir, version, log) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'zig');
  writeFileSync(path, [
    '#!/bin/sh',
    `if [ "$1" = version ]; then echo "$0" >> '${log}'; echo '${version}'; exit 0; fi`,
    'for arg; do case "$arg" in -Mzig_builtins=*) builtins="${arg##*/}" ;; esac; done',
    `echo "stand-in zig ${version} at $0 got builtins $builtins" >&2`,
    'exit 1',
  ].join('\n') + '\n');
  chmodSync(path, 0o755);
  return path;
}

/** `{ version, path, builtins }` of the stand-in whose build failure `result` reports. */
function chosen(result) {
  const match = /stand-in zig (\S+) at (\S+) got builtins (\S+)/.exec(result.error ?? '');
  assert.ok(match, `expected a stand-in's build failure, got ${JSON.stringify(result)}`);
  return { version: match[1], path: match[2], builtins: match[3] };
}

function url(name, zigVersion) {
  return fixtureUrl(name, zigVersion ? { zigVersion } : {}).href;
}

/** The one error of importing `urls[0]`, asserted to match every pattern. */
function assertRefused([result], patterns) {
  assert.ok(result.error, `expected the import to be refused, got ${JSON.stringify(result)}`);
  for (const pattern of patterns) assert.match(result.error, pattern);
  assert.doesNotMatch(result.error, /stand-in zig/, 'no Zig was run to build');
}

describe('choosing among stand-in Zigs', () => {
  // 0.14.1 is installed but unsupported, so never chosen; the newest 0.16.x
  // is the one on PATH.
  const everything = (t) => standInToolchain(t, { local: ['0.14.1', '0.15.2', '0.16.0', '0.17.0', '0.17.1'], onPath: '0.16.1' });

  test('without a request the default, 0.15.2, builds, given the 0.15 builtins', (t) => {
    const zigs = everything(t);
    const [result] = zigs.run([url(REPORTER)]);
    assert.deepEqual(chosen(result), { version: '0.15.2', path: zigs.paths['0.15.2'], builtins: 'zig-0.15.zig' });
  });

  test('ZIGPORT_ZIG_VERSION changes the default of every module', (t) => {
    const zigs = everything(t);
    const exact = zigs.run([url(REPORTER), url(ZON_MINIMUM_014)], { ZIGPORT_ZIG_VERSION: '0.17.0' });
    assert.deepEqual(exact.map((r) => chosen(r).version), ['0.17.0', '0.17.0']);
    const [line] = zigs.run([url(REPORTER)], { ZIGPORT_ZIG_VERSION: '0.17' });
    assert.deepEqual(chosen(line), { version: '0.17.1', path: zigs.paths['0.17.1'], builtins: 'zig-0.16.zig' });
  });

  test('?zigVersion=0.16 picks the newest installed 0.16.x, here the zig on PATH; 0.16.0 picks exactly that', (t) => {
    const zigs = everything(t);
    const [line, exact] = zigs.run([url(REPORTER, '0.16'), url(REPORTER, '0.16.0')]);
    assert.deepEqual(chosen(line), { version: '0.16.1', path: zigs.pathZig, builtins: 'zig-0.16.zig' });
    assert.deepEqual(chosen(exact), { version: '0.16.0', path: zigs.paths['0.16.0'], builtins: 'zig-0.16.zig' });
  });

  test('a zigport.config.json in a parent directory picks the version, and beats ZIGPORT_ZIG_VERSION', (t) => {
    const zigs = everything(t);
    const [result] = zigs.run([url(CONFIG_IN_PARENT)], { ZIGPORT_ZIG_VERSION: '0.17.1' });
    assert.equal(chosen(result).version, '0.16.1');
  });

  test('the query beats the config file', (t) => {
    const zigs = everything(t);
    const [result] = zigs.run([url(CONFIG_IN_PARENT, '0.17.0')]);
    assert.equal(chosen(result).version, '0.17.0');
  });

  test('a build.zig.zon minimum keeps the default when it meets it, else takes the oldest installed Zig that does', (t) => {
    const zigs = everything(t);
    const byDefault = zigs.run([url(ZON_MINIMUM_014), url(ZON_MINIMUM_016)]);
    assert.deepEqual(byDefault.map((r) => chosen(r).version), ['0.15.2', '0.16.0']);
    const newerDefault = zigs.run([url(ZON_MINIMUM_016)], { ZIGPORT_ZIG_VERSION: '0.17.1' });
    assert.equal(chosen(newerDefault[0]).version, '0.17.1');
    const queried = zigs.run([url(ZON_MINIMUM_016, '0.15')]);
    assert.equal(chosen(queried[0]).version, '0.15.2', 'the query comes before the zon minimum');
  });

  test('ZIG beats the query, the config file, the zon minimum and ZIGPORT_ZIG_VERSION', (t) => {
    const zigs = everything(t);
    const results = zigs.run([url(CONFIG_IN_PARENT, '0.17'), url(ZON_MINIMUM_016)],
      { ZIG: zigs.paths['0.15.2'], ZIGPORT_ZIG_VERSION: '0.16.0' });
    assert.deepEqual(results.map((r) => chosen(r).path), [zigs.paths['0.15.2'], zigs.paths['0.15.2']]);
  });

  test('modules of one process each get the Zig they ask for', (t) => {
    const zigs = everything(t);
    const results = zigs.run([url(REPORTER, '0.15'), url(REPORTER, '0.16.0'), url(REPORTER, '0.17')]);
    assert.deepEqual(results.map((r) => chosen(r).version), ['0.15.2', '0.16.0', '0.17.1']);
  });

  test('each Zig is asked its version once per cache, not per import or process', (t) => {
    const zigs = everything(t);
    zigs.run([url(REPORTER, '0.16'), url(REPORTER, '0.17'), url(REPORTER)]);
    const everyZig = [...Object.values(zigs.paths), zigs.pathZig];
    assert.deepEqual(zigs.versionCalls().sort(), everyZig.sort());
    const { binaries } = JSON.parse(readFileSync(join(zigs.cache, 'toolchain.json'), 'utf8'));
    assert.deepEqual(Object.keys(binaries).sort(), everyZig.sort());

    const before = zigs.versionCalls().length;
    const again = zigs.run([url(REPORTER, '0.16'), url(REPORTER, '0.17.0')]);
    assert.deepEqual(again.map((r) => chosen(r).version), ['0.16.1', '0.17.0']);
    assert.equal(zigs.versionCalls().length, before, 'a later process asked a Zig its version again');
  });

  test('a ZIG of an unsupported version is refused, naming the binary, its version and the supported ones', (t) => {
    const zigs = everything(t);
    const result = zigs.run([url(REPORTER)], { ZIG: zigs.paths['0.14.1'] });
    assertRefused(result, [new RegExp(`^ZIG=${zigs.paths['0.14.1']}: `), /this is Zig 0\.14\.1/, SUPPORTED]);
  });

  test('an unsupported or malformed ?zigVersion= is refused, naming the import and the supported ones', (t) => {
    const zigs = everything(t);
    const [newer, older, words] = zigs.run([url(REPORTER, '0.18'), url(REPORTER, '0.15.1'), url(REPORTER, 'latest')]);
    assertRefused([newer], [/reports-zig-version\.zig\?zigVersion=0\.18: Zig 0\.18 is not supported/, SUPPORTED]);
    assertRefused([older], [/Zig 0\.15\.1 is not supported/, SUPPORTED]);
    assertRefused([words], [/"latest" is not a Zig version; write it as 0\.16 .* or 0\.16\.0/, SUPPORTED]);
  });

  test('an unsupported zigVersion in zigport.config.json is refused, naming the file', (t) => {
    const zigs = everything(t);
    const config = join(ROOT, 'zig-fixtures', 'compiler', 'config-unsupported-0.14', 'zigport.config.json');
    assertRefused(zigs.run([url(CONFIG_UNSUPPORTED)]), [
      new RegExp(`^${config.replaceAll('.', '\\.')} \\("zigVersion": "0\\.14"\\): Zig 0\\.14 is not supported`), SUPPORTED,
    ]);
  });

  test('a zigport.config.json that is not JSON, or whose zigVersion is not a string, is refused, naming the file', (t) => {
    const zigs = everything(t);
    const src = copyFixtures(t, ['compiler/reports-zig-version.zig']);
    const module = pathToFileURL(join(src, 'reports-zig-version.zig')).href;
    const config = join(src, 'zigport.config.json');
    writeFileSync(config, '{ zigVersion: 0.16 }');
    assertRefused(zigs.run([module]), [new RegExp(`^${config}: cannot be read as JSON`)]);
    writeFileSync(config, '{ "zigVersion": 0.16 }');
    assertRefused(zigs.run([module]), [new RegExp(`^${config}: "zigVersion" must be a string such as "0\\.16"`)]);
  });

  test('a build.zig.zon minimum newer than every supported Zig is refused, naming the file', (t) => {
    const zigs = everything(t);
    assertRefused(zigs.run([url(ZON_MINIMUM_018)]), [
      /zon-minimum-0\.18\/build\.zig\.zon \(minimum_zig_version "0\.18\.0"\): no supported Zig is that new/, SUPPORTED,
    ]);
  });

  test('an unsupported ZIGPORT_ZIG_VERSION is refused', (t) => {
    const zigs = everything(t);
    assertRefused(zigs.run([url(REPORTER)], { ZIGPORT_ZIG_VERSION: '0.14' }), [
      /^ZIGPORT_ZIG_VERSION=0\.14: Zig 0\.14 is not supported/, SUPPORTED,
    ]);
  });

  test('a supported version that is not installed: the error gives the setup command and lists the installed ones', (t) => {
    const zigs = everything(t);
    assertRefused(zigs.run([url(REPORTER, '0.16.5')]), [
      /Zig 0\.16\.5 is not installed \(installed: 0\.15\.2, 0\.16\.0, 0\.16\.1, 0\.17\.0, 0\.17\.1\)/,
      /Install it with scripts\/setup\.sh --zig 0\.16\.5, or set ZIG to a zig 0\.16\.5 binary/,
    ]);

    const few = standInToolchain(t, { local: ['0.15.2', '0.16.0'] });
    assertRefused(few.run([url(REPORTER, '0.17')]), [
      /Zig 0\.17 is not installed \(installed: 0\.15\.2, 0\.16\.0\)/, /scripts\/setup\.sh --zig 0\.17\.1\b/,
    ]);
    assertRefused(few.run([url(REPORTER)], { ZIGPORT_ZIG_VERSION: '0.17.1' }), [
      /^ZIGPORT_ZIG_VERSION=0\.17\.1: Zig 0\.17\.1 is not installed/, /scripts\/setup\.sh --zig 0\.17\.1\b/,
    ]);
    const only = standInToolchain(t, { local: ['0.15.2'] });
    assertRefused(only.run([url(ZON_MINIMUM_016)]), [
      /build\.zig\.zon \(minimum_zig_version "0\.16\.0"\): every installed Zig is older than 0\.16\.0 \(installed: 0\.15\.2\)/,
      /scripts\/setup\.sh --zig 0\.16\.0\b/,
    ]);
    const none = standInToolchain(t, { local: [] });
    assertRefused(none.run([url(REPORTER)]), [/Zig 0\.15\.2 is not installed \(installed: none\)/, /setup\.sh --zig 0\.15\.2\b/]);
  });
});

// --- The real installed Zigs ---------------------------------------------

/** The supported Zigs installed for this checkout (project-local and on PATH). */
const INSTALLED = installedZigs(TEST_CACHE_DIR).filter((zig) => isSupportedVersion(zig.version));

function newestOf(line) {
  return matchRequest(parseRequest(line), INSTALLED)?.version ?? null;
}

function oldestFrom(minimum) {
  return oldestSatisfying(parseVersion(minimum), INSTALLED)?.version ?? null;
}

/** A skip reason when a version the test needs (`label`) is not installed (a null among `versions`). */
function unless(label, ...versions) {
  const installed = INSTALLED.map((z) => z.version).join(', ') || 'none';
  return versions.includes(null)
    ? `needs Zig ${label}, which is not installed (installed: ${installed}; scripts/setup.sh --zig all installs them)`
    : false;
}

/** Imports `imports` ([fixture, zigVersion]) in one process with the real Zigs; returns what each module reported. */
function reported(mode, imports, env = {}) {
  const urls = imports.map(([name, zigVersion]) => fixtureUrl(name, {
    ...modeOptions(mode), ...(zigVersion ? { zigVersion } : {}),
  }).href);
  const { status, stdout, stderr } = runNode([APP, ...urls], { env: { ...NEUTRAL_ENV, ...env } });
  assert.equal(status, 0, stderr);
  const results = JSON.parse(stdout);
  for (const result of results) assert.ok(!result.error, result.error);
  return results.map((result) => result.value);
}

for (const mode of MODES) {
  describe(`${mode}: building with the installed Zigs`, () => {
    const v015 = newestOf('0.15');
    const v016 = newestOf('0.16');
    const v017 = newestOf('0.17');
    const from016 = oldestFrom('0.16.0');

    test('without a request, 0.15.2 compiles the module', { skip: unless('0.15.2', v015) }, () => {
      assert.deepEqual(reported(mode, [[REPORTER]]), ['0.15.2']);
    });

    test('ZIGPORT_ZIG_VERSION compiles every module with its Zig', { skip: unless('0.16.x', v016) }, () => {
      assert.deepEqual(reported(mode, [[REPORTER], [ZON_MINIMUM_014]], { ZIGPORT_ZIG_VERSION: v016 }), [v016, v016]);
    });

    test('?zigVersion=0.17 compiles with the newest installed 0.17.x', { skip: unless('0.17.x', v017) }, () => {
      assert.deepEqual(reported(mode, [[REPORTER, '0.17']]), [v017]);
    });

    test('a zigport.config.json in a parent directory chooses the Zig', { skip: unless('0.16.x', v016) }, () => {
      assert.deepEqual(reported(mode, [[CONFIG_IN_PARENT]]), [v016]);
    });

    test('the query beats the config file', { skip: unless('0.15.2', v015) }, () => {
      assert.deepEqual(reported(mode, [[CONFIG_IN_PARENT, '0.15']]), ['0.15.2']);
    });

    const zonSkip = { skip: unless('0.16.0 or newer', from016) };
    test('a build.zig.zon minimum of 0.16.0 compiles with the oldest installed Zig that meets it', zonSkip, () => {
      assert.deepEqual(reported(mode, [[ZON_MINIMUM_016]]), [from016]);
    });

    test('ZIG beats the query, the config file and ZIGPORT_ZIG_VERSION', { skip: unless('0.15.2', v015) }, () => {
      const zig = INSTALLED.find((z) => z.version === v015).path;
      assert.deepEqual(reported(mode, [[CONFIG_IN_PARENT, '0.17']], { ZIG: zig, ZIGPORT_ZIG_VERSION: '0.16' }), ['0.15.2']);
    });

    const other = v016 ?? v017;
    const twoSkip = { skip: unless('0.15.2 and 0.16.x or 0.17.x', v015, other) };
    test('one file built by two Zigs in one process: two libraries in the cache, each reporting its Zig', twoSkip, (t) => {
      const cache = freshCacheDir(t);
      const run = () => reported(mode, [[REPORTER, '0.15'], [REPORTER, other]], { ZIGPORT_CACHE_DIR: cache });
      assert.deepEqual(run(), ['0.15.2', other]);
      const libraries = readdirSync(join(cache, 'modules'));
      assert.equal(libraries.length, 2, libraries.join(', '));
      assert.deepEqual(run(), ['0.15.2', other], 'both are found warm');
      assert.deepEqual(readdirSync(join(cache, 'modules')), libraries);
    });
  });
}

