// The platforms a module can be built for, by the names a user gives them
// (`linux-x64`, `darwin-arm64`, `wasm32`...): Node's `process.platform` and
// `process.arch`, plus the C library on Linux, mapped to Zig's target
// triples and the file each build produces.

/** Every platform `zigport build --targets` accepts, by its full name. */
export const PLATFORMS = {
  'linux-x64-gnu': { triple: 'x86_64-linux-gnu', os: 'linux', cpu: 'x64', libc: 'glibc', extension: '.so', format: 'ELF x86-64' },
  'linux-x64-musl': { triple: 'x86_64-linux-musl', os: 'linux', cpu: 'x64', libc: 'musl', extension: '.so', format: 'ELF x86-64' },
  'linux-arm64-gnu': { triple: 'aarch64-linux-gnu', os: 'linux', cpu: 'arm64', libc: 'glibc', extension: '.so', format: 'ELF AArch64' },
  'linux-arm64-musl': { triple: 'aarch64-linux-musl', os: 'linux', cpu: 'arm64', libc: 'musl', extension: '.so', format: 'ELF AArch64' },
  'darwin-x64': { triple: 'x86_64-macos', os: 'darwin', cpu: 'x64', extension: '.dylib', format: 'Mach-O x86-64' },
  'darwin-arm64': { triple: 'aarch64-macos', os: 'darwin', cpu: 'arm64', extension: '.dylib', format: 'Mach-O arm64' },
  'win32-x64': { triple: 'x86_64-windows-gnu', os: 'win32', cpu: 'x64', extension: '.dll', format: 'PE32+ x86-64' },
  'wasm32': { triple: 'wasm32-wasi', os: null, cpu: 'wasm32', extension: '.wasm', format: 'WebAssembly' },
};

/** Short names: Linux without a C library named means glibc, as Node's own binaries do. */
const ALIASES = { 'linux-x64': 'linux-x64-gnu', 'linux-arm64': 'linux-arm64-gnu', wasm: 'wasm32' };

/** The full platform name for what a user wrote, or null when there is none. */
export function platformName(given) {
  const name = ALIASES[given] ?? given;
  return Object.hasOwn(PLATFORMS, name) ? name : null;
}

/** Every name `platformName` accepts, for an error message. */
export function knownPlatformNames() {
  return [...Object.keys(ALIASES), ...Object.keys(PLATFORMS).filter((name) => !Object.values(ALIASES).includes(name))];
}
