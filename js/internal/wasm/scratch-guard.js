// Guard bytes after the scratch copies of a WebAssembly call, as the
// runtime keeps after its own in native mode: known bytes written before the
// call and checked after it, so that a write past the copied arguments
// (Zig writing beyond a slice it was given, or a copy laid out wrongly) is
// reported rather than left to corrupt what lies after them in wasm memory.

/** Bytes of guard after a block of copies. */
export const GUARD_LEN = 32;
const GUARD_BYTE = 0xa5;

/** What a call throws when the guard changed; nothing is copied back then. */
export const OVERRUN = 'memory past the end of this call\'s copied arguments was overwritten '
  + '(Zig wrote beyond a slice or pointer it was given); nothing was copied back';

/** Writes the guard at wasm address `at`. */
export function writeGuard(memory, at) {
  memory.u8.fill(GUARD_BYTE, at, at + GUARD_LEN);
}

/** Whether the guard at `at` still holds what writeGuard wrote. */
export function guardIntact(memory, at) {
  const { u8 } = memory;
  for (let i = at; i < at + GUARD_LEN; i++) if (u8[i] !== GUARD_BYTE) return false;
  return true;
}
