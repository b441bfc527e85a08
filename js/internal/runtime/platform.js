// The name of the platform this process runs on, as zigport names
// platforms for prebuilt modules and addon packages: `linux-x64-gnu`,
// `linux-arm64-musl`, `darwin-arm64`, `win32-x64`.
import { processLibc } from './libc.js';

let cached = null;

/** This process's platform name; on Linux without a C library where none can be told. */
export function currentPlatform() {
  if (cached === null) {
    const base = `${process.platform}-${process.arch}`;
    const libc = process.platform === 'linux' ? processLibc() : null;
    cached = libc === null ? base : `${base}-${libc === 'glibc' ? 'gnu' : 'musl'}`;
  }
  return cached;
}
