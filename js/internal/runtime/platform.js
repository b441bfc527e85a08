// The name of the platform this process runs on, as zigport names
// platforms for prebuilt modules and addons: `linux-x64-gnu`,
// `linux-arm64-musl`, `darwin-arm64`, `win32-x64`.
import { readFileSync } from 'node:fs';

let cached = null;

/** This process's platform name. */
export function currentPlatform() {
  if (cached === null) {
    const base = `${process.platform}-${process.arch}`;
    cached = process.platform === 'linux' ? `${base}-${linuxLibc()}` : base;
  }
  return cached;
}

/** `musl` where Node runs on musl (Alpine and the like), `gnu` otherwise. */
function linuxLibc() {
  // The C library this process has mapped says it in a millisecond; Node's
  // report (which names glibc's version, and nothing under musl) takes several.
  try {
    return /\/ld-musl-[^/\s]*\.so/.test(readFileSync('/proc/self/maps', 'utf8')) ? 'musl' : 'gnu';
  } catch {
    return process.report?.getReport?.().header?.glibcVersionRuntime ? 'gnu' : 'musl';
  }
}
