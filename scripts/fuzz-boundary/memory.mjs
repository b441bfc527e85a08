// JS memory for the fuzzer's arguments: views placed inside larger buffers
// with random canary bytes before and after them, checked after every call,
// so that any write outside a view (by Zig, or by zigport copying back)
// shows. Also the hostile forms of memory: detached, shared, resizable.

/**
 * A `Ctor` view of `count` elements, at a random element offset inside a
 * larger buffer (resizable when `resizable`) whose other bytes are canaries.
 * `{ view, buffer, check(writable) }`: check returns a problem or null; it
 * also checks that the view itself is unchanged unless `writable`.
 */
export function framed(r, Ctor, count, values, { resizable = false } = {}) {
  const size = Ctor.BYTES_PER_ELEMENT;
  const before = r.int(0, 3) * size + (r.chance(0.2) ? 64 : 0);
  const after = r.int(1, 4) * size;
  const total = before + count * size + after;
  const buffer = resizable ? new ArrayBuffer(total, { maxByteLength: total * 2 }) : new ArrayBuffer(total);
  return withCanaries(r, buffer, before, count * size, () => {
    const view = new Ctor(buffer, before, count);
    values.forEach((v, i) => { view[i] = v; });
    return view;
  });
}

/** A DataView of `byteLength` bytes at an offset that may be odd, with canaries around it. */
export function framedDataView(r, byteLength, fill) {
  const before = r.int(0, 9);
  const after = r.int(1, 9);
  const buffer = new ArrayBuffer(before + byteLength + after);
  return withCanaries(r, buffer, before, byteLength, () => {
    const view = new DataView(buffer, before, byteLength);
    fill(view);
    return view;
  });
}

/**
 * Fills `buffer` with random canary bytes, makes the view of `byteLength`
 * bytes at `before` with `makeView` (which writes its values) and returns
 * `{ view, buffer, snapshot, check(writable) }`.
 */
function withCanaries(r, buffer, before, byteLength, makeView) {
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i++) bytes[i] = r.byte();
  const view = makeView();
  const snapshot = bytes.slice();
  return {
    view,
    buffer,
    snapshot,
    /** Bytes of the view that Zig may have written are checked by `writable`. */
    check(writable = null) {
      return compareOutside(bytes, snapshot, before, before + byteLength, writable);
    },
  };
}

/**
 * A problem if bytes outside [start, end) changed, or bytes inside it
 * changed while `writable` is null; `writable(bytesNow)` otherwise checks
 * the inside itself.
 */
function compareOutside(bytes, snapshot, start, end, writable) {
  if (bytes.length !== snapshot.length) return bytes.length === 0 ? null : 'the buffer changed length';
  for (let i = 0; i < bytes.length; i++) {
    if ((i < start || i >= end) && bytes[i] !== snapshot[i]) return `canary byte ${i - start} from the view's start changed`;
  }
  if (writable === null) {
    for (let i = start; i < end; i++) {
      if (bytes[i] !== snapshot[i]) return `read-only memory changed at byte ${i - start}`;
    }
    return null;
  }
  return writable();
}

/** Detaches `buffer` (Node 20 has no ArrayBuffer.prototype.transfer). */
export function detach(buffer) {
  structuredClone(buffer, { transfer: [buffer] });
}

/** A `Ctor` view of `count` elements whose buffer was detached. */
export function detachedView(Ctor, count) {
  const view = new Ctor(count);
  detach(view.buffer);
  return view;
}

/** A `Ctor` view over a SharedArrayBuffer. */
export function sharedView(Ctor, count) {
  return new Ctor(new SharedArrayBuffer(count * Ctor.BYTES_PER_ELEMENT));
}
