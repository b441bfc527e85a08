// Objects over a module's own wasm memory (its globals, what it allocated
// and keeps), as returned addresses reveal them: the same address, length
// and type give the same object while it is alive. The objects follow the
// memory when it grows (see memory.js).
const byInstance = new WeakMap();

/** The object `type.result` makes for `len` bytes at wasm address `address`. */
export function wasmObject(instance, type, address, len) {
  let known = byInstance.get(instance);
  if (!known) {
    known = { objects: new Map() };
    known.forget = new FinalizationRegistry((key) => {
      if (known.objects.get(key)?.deref() === undefined) known.objects.delete(key);
    });
    byInstance.set(instance, known);
  }
  const key = `${type.name}@${address}:${len}`;
  const existing = known.objects.get(key)?.deref();
  if (existing) return existing;
  const object = type.result(instance.memory.buffer, address, len);
  if (object !== null && typeof object === 'object') {
    known.objects.set(key, new WeakRef(object));
    known.forget.register(object, key);
  }
  return object;
}
