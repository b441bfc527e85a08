// Resizable ArrayBuffers are not given to Zig in place. JS code that runs
// during a call (a callback Zig calls) may shrink one, and V8 then takes the
// pages beyond the new length away from under Zig, which crashes the
// process on its next read. Zig gets a fixed-length copy of such a buffer
// instead; after the call, the bytes Zig changed in the copy are copied
// back, as far as the buffer still reaches (what JS itself cut off stays
// cut off).
import { isDetachedBuffer } from '../types/memory.js';

/**
 * The buffers to pass for `buffers` (a call's records.buffers), with a copy
 * in place of each resizable one; null when there is none (the common
 * case, which costs one property read per buffer).
 */
export function standIns(buffers) {
  let copies = null;
  for (let k = 0; k < buffers.length; k++) {
    const buffer = buffers[k];
    // A detached one stays: the runtime refuses it, naming the argument.
    if (buffer instanceof ArrayBuffer && buffer.resizable && !isDetachedBuffer(buffer)) {
      copies ??= [];
      // slice() of a resizable buffer is a fixed-length one.
      copies.push({ k, original: buffer, copy: buffer.slice(0), before: new Uint8Array(buffer.slice(0)) });
    }
  }
  if (copies === null) return null;
  const passed = buffers.slice();
  for (const c of copies) passed[c.k] = c.copy;
  return { passed, copies };
}

/** Copies what Zig changed in each stand-in back to its buffer (see standIns). */
export function copyBack(stands) {
  for (const { original, copy, before } of stands.copies) {
    const now = new Uint8Array(copy);
    const reach = Math.min(now.length, original.byteLength);
    if (reach === 0) continue;
    const target = new Uint8Array(original, 0, reach);
    for (let i = 0; i < reach; i++) if (now[i] !== before[i]) target[i] = now[i];
  }
}

/** Calls `invoke` with a stand-in for the one resizable `buffer`, then copies back. */
export function invokeWithStandIn(invoke, buffer) {
  const stands = standIns([buffer]);
  if (stands === null) return invoke(buffer);
  try {
    return invoke(stands.passed[0]);
  } finally {
    copyBack(stands);
  }
}
