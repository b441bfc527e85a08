// Cold build time of a module through zigport against `zig build` of the
// same sources with a hand-written build.zig (same optimize mode; both with
// an empty local cache and Zig's global cache warm, so libc and std are
// built already), and zigport's warm import. Two modules: one function
// (zigport's bare build-lib), and one with a C source added by
// build.extra.zig (zigport's generated build.zig). First, the cold compile
// of a one-function module against `zig build-lib` without the exporter
// (cold-compile.js, also part of `npm run bench`).
// Run: node bench/build-time.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../js/internal/compiler/cache-root.js';
import { exporterPaths } from '../js/internal/compiler/build.js';
import { optionsText } from '../js/internal/compiler/options-module.js';
import { findZig } from '../js/internal/compiler/toolchain.js';
import { defaultVersion } from '../js/internal/compiler/wanted-zig.js';
import { median, report } from './lib/measure.js';
import { coldCompileTime } from './cold-compile.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REGISTER = join(ROOT, 'js', 'register.js');
const SHARED = join(cacheRoot(), 'zig-global-cache');
const CASES = [
  { name: 'one function', source: join(ROOT, 'bench', 'fixtures', 'scalar-add.zig'), call: 'm.add(1, 2)', c: [] },
  {
    name: 'C source via build.extra.zig',
    source: join(ROOT, 'zig-fixtures', 'build', 'extra-c-source', 'twice.zig'),
    call: 'm.addTwice(1, 2)',
    c: ['src/twice.c'],
  },
];

function timed(command, args, options) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A build.zig as a person would write it for the exporter and `source` (no hooks, no translate-c needed for `twice.zig`'s header). */
function handWritten(dir, { source, c }, zigVersion) {
  const paths = exporterPaths(zigVersion);
  writeFileSync(join(dir, 'options.zig'), optionsText({}));
  const quoted = (p) => JSON.stringify(p);
  const cFiles = c.map((f) => `    root.addCSourceFile(.{ .file = .{ .cwd_relative = ${quoted(join(dirname(source), f))} } });`);
  writeFileSync(join(dir, 'build.zig'), `const std = @import("std");
pub fn build(b: *std.Build) void {
    const target = b.standardTargetOptions(.{});
    const optimize = b.standardOptimizeOption(.{});
    const root = b.createModule(.{ .root_source_file = .{ .cwd_relative = ${quoted(paths.exporter)} }, .target = target, .optimize = optimize, .link_libc = true, .pic = true });
    const zigar = b.createModule(.{ .root_source_file = .{ .cwd_relative = ${quoted(paths.zigar)} } });
    const user = b.createModule(.{ .root_source_file = .{ .cwd_relative = ${quoted(source)} } });
    user.addImport("zigar", zigar);
    ${c.length ? `const tc = b.addTranslateC(.{ .root_source_file = .{ .cwd_relative = ${quoted(join(dirname(source), 'build.extra.h'))} }, .target = target, .optimize = optimize });
    tc.addIncludePath(.{ .cwd_relative = ${quoted(join(dirname(source), 'include'))} });
    user.addImport("c", tc.createModule());
    root.addIncludePath(.{ .cwd_relative = ${quoted(join(dirname(source), 'include'))} });` : ''}
${cFiles.join('\n')}
    root.addImport("module", user);
    root.addImport("zigar", zigar);
    root.addImport("zig_builtins", b.createModule(.{ .root_source_file = .{ .cwd_relative = ${quoted(paths.builtins)} } }));
    root.addImport("zigport_options", b.createModule(.{ .root_source_file = b.path("options.zig") }));
    const lib = b.addLibrary(.{ .linkage = .dynamic, .name = "module", .root_module = root, .use_llvm = true });
    b.installArtifact(lib);
}
`);
}

function measure(testCase, zig, scratch, runs) {
  const script = `const m = await import(${JSON.stringify(testCase.source)}); ${testCase.call};`;
  const samples = { zigport: [], zigBuild: [], warm: [] };
  for (let r = 0; r < runs; r++) {
    const cache = mkdtempSync(join(scratch, 'cache-'));
    symlinkSync(SHARED, join(cache, 'zig-global-cache'));
    const node = (s) => timed(process.execPath, ['--import', REGISTER, '--input-type=module', '-e', s], { env: { ...process.env, ZIGPORT_CACHE_DIR: cache } });
    samples.zigport.push(node(script));
    samples.warm.push(node(script));
    const dir = mkdtempSync(join(scratch, 'zig-build-'));
    handWritten(dir, testCase, zig.version);
    samples.zigBuild.push(timed(zig.path, ['build', '-Doptimize=Debug', '--cache-dir', join(dir, '.zig-cache'), '--prefix', join(dir, 'out')],
      { cwd: dir, env: { ...process.env, ZIG_GLOBAL_CACHE_DIR: SHARED } }));
  }
  console.log(`\n## ${testCase.name} (ms, median of ${runs}, Debug, native)`);
  report('zigport cold import vs zig build', median(samples.zigport), median(samples.zigBuild), 1.1, 'ms');
  console.log(`warm import: ${median(samples.warm).toFixed(0)} ms`);
}

const runs = Number(process.argv[2] ?? 3);
const zig = findZig(cacheRoot(), { request: null, minimum: null, fallback: defaultVersion() });
mkdirSync(SHARED, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'zigport-build-time-'));
try {
  await coldCompileTime({ scratch, runs });
  for (const testCase of CASES) measure(testCase, zig, scratch, runs);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
