// zigport's public API beyond `import x from './file.zig'`.
import { addon } from './internal/runtime/addon.js';

export { ZigError, ZigCompileError, ZigToolchainError } from './internal/errors.js';

/**
 * An ArrayBuffer of `byteLength` bytes backed by shared memory (a sealed
 * memfd). Passed to a function of a WebAssembly module, its pages are
 * mapped into the module's memory instead of copied, once, and stay mapped
 * while both live: later calls move no bytes, and writes on either side
 * are seen by the other. In native mode it is an ordinary buffer.
 */
export function tieableBuffer(byteLength) {
  return addon.tieableBuffer(byteLength);
}
