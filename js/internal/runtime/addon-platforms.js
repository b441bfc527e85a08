// The platforms zigport's native addon is published prebuilt for, one npm
// package each, named by the napi-rs convention
// (@zigport/addon-<platform>-<arch>[-<libc>]). The zigport package lists
// them all as optional dependencies, so that npm installs just the one
// whose os/cpu/libc fit the machine.
// Only Linux: the addon uses Linux calls (memfd_create, sealed memory files)
// that macOS and Windows lack.

/** Every platform with an addon package: `name` is the package's suffix. */
export const ADDON_PLATFORMS = [
  { name: 'linux-x64-gnu', os: 'linux', cpu: 'x64', libc: 'glibc' },
  { name: 'linux-x64-musl', os: 'linux', cpu: 'x64', libc: 'musl' },
  { name: 'linux-arm64-gnu', os: 'linux', cpu: 'arm64', libc: 'glibc' },
  { name: 'linux-arm64-musl', os: 'linux', cpu: 'arm64', libc: 'musl' },
];

/** The npm package that carries the addon for `platform` (an entry above). */
export function addonPackageName(platform) {
  return `@zigport/addon-${platform.name}`;
}

/** The entry of ADDON_PLATFORMS named `name`, or undefined. */
export function addonPlatform(name) {
  return ADDON_PLATFORMS.find((platform) => platform.name === name);
}
