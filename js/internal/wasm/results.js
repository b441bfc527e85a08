// What the addresses a WebAssembly call returned mean to JS. An address is a
// wasm offset; it points into one of the call's arguments (through its
// scratch copy, or where a tied buffer is), into memory the call allocated
// for its result (copied out into a JS buffer, as native mode hands out JS
// buffers), or into the module's own memory (a live view). Pointers inside
// the result (slices of slices, a struct's slices) are read the same way,
// each target once, and remembered beside the pointer's bytes
// (types/pointer-targets.js), so reading the field gives its target.
import { setTarget } from '../types/pointer-targets.js';
import { wasmObject } from './objects.js';

/**
 * The value of the pointer result in `slot` of the frame at `f`: null, a
 * handle, or the view `type.result` makes of the memory it points at.
 * `found` is the call's `{ instance, ties, targets, placed, copies, allocations }`.
 */
export function resultMemory(found, type, slot, dv, f) {
  const present = slot.present_offset === null || dv.getUint8(f + slot.present_offset) !== 0;
  const address = dv.getUint32(f + slot.address_offset, true);
  if (!present || address === 0) return null;
  if (slot.handle) return type.result(null, 0, 0, handleToken(found, address));
  const len = resultLength(found.instance, slot, dv, f, address);
  // An empty slice's address points at nothing (Zig leaves it undefined).
  if (len === 0) return type.result(new ArrayBuffer(0), 0, 0);
  const memory = locate(found, address, len);
  // In the module's own memory, pointer fields are live: nothing to remember,
  // but nothing there may point at what the call is about to free.
  if (memory.buffer === found.instance.memory.buffer) {
    if (type.pointee?.places.length > 0) refuseRetained(found, type.pointee, address, len / type.pointee.size);
    return wasmObject(found.instance, type, address, len);
  }
  if (type.pointee?.places.length > 0) readPlaces(found, memory, type.pointee, len / type.pointee.size, new Set());
  return type.result(memory.buffer, memory.byteOffset, len);
}

/**
 * The token a handle holds for wasm address `address`. A handle into memory
 * the call allocated keeps that allocation (as a native handle keeps the
 * JS buffer it points into) until the handle is collected.
 */
function handleToken(found, address) {
  const { instance } = found;
  const token = { instance, address };
  const index = callAllocations(found).findIndex((a) => address >= a.start && address < a.start + a.size);
  if (index >= 0) {
    const { start, size, log2Align } = found.allocations[index];
    instance.exports.zigport_keep_call_memory(index);
    keptAllocations.register(token, { instance, start, size, log2Align });
  }
  return token;
}

const keptAllocations = new FinalizationRegistry(({ instance, start, size, log2Align }) => {
  instance.free(start, size, 2 ** log2Align);
});

/**
 * Bytes a returned pointer covers: a slice's length, one element for a
 * single or many-item pointer, the elements before the zero for `[*:0]T`.
 */
function resultLength(instance, slot, dv, f, address) {
  if (slot.len_offset !== null) return dv.getUint32(f + slot.len_offset, true) * slot.elem_size;
  if (!slot.terminated) return slot.elem_size;
  return instance.memory.lengthToZero(address, slot.elem_size);
}

/** Reads the pointers inside a result value (a JS copy of its bytes) of type `type`. */
export function readResultPlaces(found, value, type) {
  const dv = value.dataView;
  readPlaces(found, { buffer: dv.buffer, byteOffset: dv.byteOffset, bytes: dv }, type, 1, new Set());
}

/**
 * For `count` values of `type` at `memory`, reads each place's address
 * (from the bytes Zig left there), finds its memory, remembers it beside
 * the place, and goes on into that memory; `seen` ends cycles.
 */
function readPlaces(found, memory, type, count, seen) {
  const { instance } = found;
  const places = type.places;
  // Zig's bytes: the root's copy, or wasm memory (a copied argument's
  // scratch copy is still there, as is what the call allocated).
  const bytes = memory.bytes ?? instance.memory.view(memory.address, count * type.size);
  for (let i = 0; i < count; i++) {
    for (const place of places) {
      const at = i * type.size + place.offset;
      const p = place.type;
      const address = bytes.getUint32(at + (p.kind === 'slice' ? p.ptr_offset : 0), true);
      if (address === 0) {
        setTarget(memory.buffer, memory.byteOffset + at, null);
        continue;
      }
      const len = placeLength(instance, p, bytes, at, address);
      const n = len / p.pointee.size;
      const target = len === 0 ? { buffer: new ArrayBuffer(0), byteOffset: 0, byteLength: 0 } : locate(found, address, len);
      setTarget(memory.buffer, memory.byteOffset + at, { memory: target });
      const key = `${address}:${len}:${p.pointee.index}`;
      const live = target.buffer === instance.memory.buffer;
      if (live && p.pointee.places.length > 0) refuseRetained(found, p.pointee, address, n);
      if (!live && p.pointee.places.length > 0 && !seen.has(key)) {
        seen.add(key);
        readPlaces(found, target, p.pointee, n, seen);
      }
    }
  }
}

/**
 * Throws when `count` values of `type` at wasm `address` (the module's own
 * memory, which JS reads live after the call) hold a pointer to what lives
 * only during the call: an argument's scratch copy or tie, or what the call
 * allocated. Follows pointers on through the module's memory, each target
 * once (at most `limit` of them).
 */
function refuseRetained(found, type, address, count, seen = new Set(), limit = 4096) {
  const { instance, placed } = found;
  const bytes = instance.memory.view(address, count * type.size);
  const within = (at, len, start, size) => at >= start && at + len <= start + size;
  for (let i = 0; i < count; i++) {
    for (const place of type.places) {
      const at = i * type.size + place.offset;
      const p = place.type;
      const target = bytes.getUint32(at + (p.kind === 'slice' ? p.ptr_offset : 0), true);
      const len = target === 0 ? 0 : placeLength(instance, p, bytes, at, target);
      if (len === 0) continue;
      const temporary = placed.clusters.some((c) => within(target, len, c.address, c.len))
        || callAllocations(found).some((a) => within(target, len, a.start, a.size));
      if (temporary) throw new Error(RETAINED);
      const key = `${target}:${len}:${p.pointee.index}`;
      if (p.pointee.places.length === 0 || seen.has(key) || seen.size >= limit) continue;
      seen.add(key);
      refuseRetained(found, p.pointee, target, len / p.pointee.size, seen, limit);
    }
  }
}

const RETAINED = 'The result points at Zig memory that keeps a pointer to memory that lives only during the call '
  + '(an argument, or what the call allocated): return the value itself, or copy what it points at into memory Zig owns';

/**
 * Bytes the pointer of type `p` at `at` of `bytes` (holding `address`)
 * covers: a slice's elements, one element of a many-item pointer, and for a
 * zero-terminated one up to and with its terminator, which JS keeps with
 * the target (see types/pointer-field.js).
 */
function placeLength(instance, p, bytes, at, address) {
  const size = p.pointee.size;
  if (p.kind === 'slice') return (bytes.getUint32(at + p.len_offset, true) + (p.terminated ? 1 : 0)) * size;
  return p.terminated || p.c_string ? instance.memory.lengthToZero(address, size) + size : size;
}

/**
 * `{ buffer, byteOffset, byteLength, address }` for `len` bytes at wasm
 * address `address`: in an argument, in a copy of what the call allocated
 * (one copy per allocation, kept in `found.copies`), or in the module's memory.
 */
function locate(found, address, len) {
  const { instance, targets, placed, copies } = found;
  const inside = (start, size) => address >= start && address + len <= start + size;
  for (const c of placed.clusters) {
    if (inside(c.address, c.len)) {
      return { buffer: targets.buffers[c.buffer], byteOffset: c.start + (address - c.address), byteLength: len, address };
    }
  }
  const allocation = callAllocations(found).find((a) => inside(a.start, a.size));
  if (allocation) {
    let copy = copies.get(allocation.start);
    if (!copy) {
      copy = instance.memory.bytes(allocation.start, allocation.size).slice().buffer;
      copies.set(allocation.start, copy);
    }
    return { buffer: copy, byteOffset: address - allocation.start, byteLength: len, address };
  }
  return { buffer: instance.memory.buffer, byteOffset: address, byteLength: len, address };
}

/**
 * What the call allocated through its allocator parameter, as
 * `{ start, size, log2Align }` (see js/zig/call_memory.zig), read once per call.
 */
function callAllocations(found) {
  if (found.allocations) return found.allocations;
  const { exports, memory, lengthAt } = found.instance;
  const list = exports.zigport_call_memory(lengthAt) >>> 0;
  const { dv } = memory;
  found.allocations = Array.from({ length: dv.getUint32(lengthAt, true) }, (_, i) => ({
    start: dv.getUint32(list + i * 12, true),
    size: dv.getUint32(list + i * 12 + 4, true),
    log2Align: dv.getUint32(list + i * 12 + 8, true),
  }));
  return found.allocations;
}
