// Objects over a module's own wasm memory (its globals, what it allocated
// and keeps), as returned addresses reveal them: the same address, length
// and type give the same object while it is alive. The objects follow the
// memory when it grows (see memory.js).
import { WeakValues } from '../runtime/weak-values.js';

const byInstance = new WeakMap();

/** The object `type.result` makes for `len` bytes at wasm address `address`. */
export function wasmObject(instance, type, address, len) {
  let known = byInstance.get(instance);
  if (!known) byInstance.set(instance, (known = new WeakValues()));
  const key = `${type.name}@${address}:${len}`;
  const existing = known.get(key);
  if (existing) return existing;
  const object = type.result(instance.memory.buffer, address, len);
  if (object !== null && typeof object === 'object') known.set(key, object);
  return object;
}
