// Writes the folders that scripts/package-addon.sh and scripts/pack.sh hand
// to `npm pack`: one per platform addon package, and the zigport package.
//
//   node scripts/packaging.mjs platforms                      name, Rust target, Zig target per line
//   node scripts/packaging.mjs addon-package NAME FILE DIR    DIR becomes @zigport/addon-NAME with FILE
//   node scripts/packaging.mjs zigport-package DIR            DIR becomes the zigport package
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDON_PLATFORMS, addonPackageName, addonPlatform } from '../js/internal/runtime/addon-platforms.js';
import { DIGEST_FILE, hashExporter } from '../js/internal/compiler/exporter-digest.js';
import { bundleHooks, bundleOpeners } from './packaging/bundles.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const zigport = JSON.parse(readFileSync(join(ROOT, 'js/package.json'), 'utf8'));

const RUST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
const RUST_ENV = { glibc: 'gnu', musl: 'musl' };

/** The Rust and Zig target triples that build `platform`'s addon. */
function targets(platform) {
  const arch = RUST_ARCH[platform.cpu];
  const env = RUST_ENV[platform.libc];
  return { rust: `${arch}-unknown-${platform.os}-${env}`, zig: `${arch}-${platform.os}-${env}` };
}

function printPlatforms() {
  for (const platform of ADDON_PLATFORMS) {
    const { rust, zig } = targets(platform);
    console.log(`${platform.name} ${rust} ${zig}`);
  }
}

/** Writes the package of `name`'s addon into `dir`, with `file` as its zigport.node. */
function writeAddonPackage(name, file, dir) {
  const platform = addonPlatform(name);
  if (!platform) throw new Error(`no addon platform "${name}"; known: ${ADDON_PLATFORMS.map((p) => p.name).join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, 'zigport.node'));
  const manifest = {
    name: addonPackageName(platform),
    version: zigport.version,
    description: `zigport's native addon, prebuilt for ${name}`,
    license: zigport.license,
    main: 'zigport.node',
    files: ['zigport.node'],
    // npm skips the packages whose os, cpu or libc do not fit the machine.
    os: [platform.os],
    cpu: [platform.cpu],
    ...(platform.libc && { libc: [platform.libc] }),
    engines: zigport.engines,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), `# ${manifest.name}\n\nzigport's N-API addon for ${name}. zigport installs it as an optional dependency and loads it in native mode; there is no need to depend on it directly.\n`);
}

/**
 * Writes the zigport package into `dir`: what js/package.json's `files`
 * names, the README, and a package.json listing every addon package as an
 * optional dependency. They are written in here, at pack time, rather than
 * in js/package.json, so that the workspace's own installs (and `npm ci`
 * against its lock file) do not depend on packages the registry may not
 * have yet.
 */
async function writeZigportPackage(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of zigport.files) cpSync(join(ROOT, 'js', entry), join(dir, entry), { recursive: true });
  // The hooks first: their script takes what it imports from the sources, not from the openers' bundles.
  await bundleHooks(dir);
  await bundleOpeners(dir);
  writeFileSync(join(dir, 'zig', DIGEST_FILE), `${hashExporter(join(dir, 'zig'))}\n`);
  copyFileSync(join(ROOT, 'README.md'), join(dir, 'README.md'));
  const optionalDependencies = Object.fromEntries(ADDON_PLATFORMS.map((platform) => [addonPackageName(platform), zigport.version]));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ ...zigport, optionalDependencies }, null, 2)}\n`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'platforms' && args.length === 0) printPlatforms();
else if (command === 'addon-package' && args.length === 3) writeAddonPackage(...args);
else if (command === 'zigport-package' && args.length === 1) await writeZigportPackage(args[0]);
else {
  console.error('usage: node scripts/packaging.mjs platforms | addon-package NAME FILE DIR | zigport-package DIR');
  process.exit(2);
}
