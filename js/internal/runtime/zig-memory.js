// ArrayBuffers over memory Zig owns (its globals, what it allocated), as
// returned pointers reveal them. The same address and length give the same
// ArrayBuffer while it is alive, so objects viewing Zig memory stay one
// object per place; a collected buffer is simply made again.
import { WeakValues } from './weak-values.js';

const known = new WeakValues();

/**
 * How a pointer field in Zig memory is read and written (the addon's
 * `readPlace` and `writePlace`), installed by the native host: only a native
 * library gives JS buffers over Zig memory.
 */
export const livePlaces = { read: null, write: null };
/** Every ArrayBuffer over Zig memory (the runtime tags them too, and checks). */
const zigBuffers = new WeakSet();

/** Whether `buffer` views Zig's own memory, where pointer fields are live. */
export function isZigMemory(buffer) {
  return zigBuffers.has(buffer);
}

/** Records that `buffer` views Zig's own memory (a `pub var`). */
export function markZigMemory(buffer) {
  zigBuffers.add(buffer);
}

/** The live ArrayBuffer for (address, byteLength); `fresh` if none is known. */
export function zigMemory(address, byteLength, fresh) {
  const key = `${address}:${byteLength}`;
  const existing = known.get(key);
  if (existing) return existing;
  known.set(key, fresh);
  zigBuffers.add(fresh);
  return fresh;
}

const objects = new WeakMap();

/**
 * The object `make()` builds for a type over Zig memory, once per buffer,
 * place in it and type. The place is the whole buffer, except where the
 * runtime copies Zig memory (no external buffers): there a pointer into
 * memory JS already has is shown at its offset in that copy.
 */
export function zigObject(buffer, typeName, make, byteOffset = 0, byteLength = buffer.byteLength) {
  let byType = objects.get(buffer);
  if (!byType) objects.set(buffer, (byType = new Map()));
  const key = byteOffset === 0 && byteLength === buffer.byteLength ? typeName : `${typeName}@${byteOffset}:${byteLength}`;
  let object = byType.get(key);
  if (!object) byType.set(key, (object = make()));
  return object;
}
