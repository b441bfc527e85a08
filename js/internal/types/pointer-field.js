// A pointer or slice that is a struct field: what reading and writing it
// means. In JS memory the field's bytes mean nothing; the target JS gave is
// remembered beside them (pointer-targets.js). In Zig's own memory the field
// is live: the runtime reads where it points now, and writes the address of
// the JS memory it is given.
//
// What a field points at is read as Zigar reads it: a slice as its
// elements, `[*]T` and `[*c]T` as one element, `[*:0]T` as the elements
// before the terminator, `*Opaque` as a handle. The memory remembered for a
// zero-terminated pointer or slice includes its terminator (so that a copy
// of it does too); Zig's slice length and JS's view leave it out.
import { typeMismatch } from '../errors.js';
import { getTarget, setTarget } from './pointer-targets.js';
import { isZigMemory, livePlaces, zigMemory, zigObject } from '../runtime/zig-memory.js';
import { trackerOf } from './memory.js';

/** How the runtime reads a pointer field in Zig memory: its count (1 without one), to its zero terminator, or as a handle. */
const READ_COUNTED = 0;
const READ_TO_ZERO = 1;
const READ_HANDLE = 2;

/**
 * `read` and `write` for a pointer that is a struct field. Writing checks
 * the value as an argument would be checked and remembers it beside the
 * field's bytes (see pointer-targets.js); reading gives the view of what
 * was assigned, the same object each time.
 */
export function withFieldAccess(type) {
  const nullable = type.pointer.optional;
  // Where the address (and a slice's length) lie within the field.
  const addressAt = type.kind === 'slice' ? type.ptr_offset : 0;
  const lengthAt = type.kind === 'slice' ? type.len_offset : -1;
  const elemSize = type.pointer.elemSize;
  // The terminator element a target's memory ends with, which no view
  // shows: always for `[*:0]T`, for `[*c]u8` when a string was given.
  const extraOf = (memory) => (type.terminated || memory.zeroAdded ? elemSize : 0);
  // How the runtime reads a field in Zig memory (see read_place in zig_views.rs).
  const toZero = (type.terminated || type.c_string) && lengthAt < 0;
  const readMode = type.pointer.handle ? READ_HANDLE : toZero ? READ_TO_ZERO : READ_COUNTED;
  // Elements Zig's slice length counts, of a target `byteLength` long.
  const countOf = (memory) => (elemSize === 0 ? 0 : (memory.byteLength - extraOf(memory)) / elemSize);
  const access = {
    read(dv, offset) {
      const at = dv.byteOffset + offset;
      const entry = getTarget(dv.buffer, at);
      // WebAssembly memory: its tracker reads the field (wasm/memory.js).
      const wasm = trackerOf(dv.buffer);
      if (wasm) return wasm.readPointer(type, at, addressAt, lengthAt, elemSize, readMode);
      if (isZigMemory(dv.buffer)) return readLive(dv.buffer, at, entry);
      if (!entry) return null;
      if (entry.memory.elements) return entry.value;
      return view(entry);
    },
    write(dv, offset, value, where) {
      const at = dv.byteOffset + offset;
      const zig = isZigMemory(dv.buffer);
      const wasm = trackerOf(dv.buffer);
      if (value === null || value === undefined) {
        if (!nullable) throw typeMismatch(where, type.name, 'a value to point at (it cannot be null)', value);
        if (wasm) return wasm.writePointer(at, addressAt, lengthAt, null, 0, where, type.pointee);
        if (zig) livePlaces.write(dv.buffer, at + addressAt, lengthAt < 0 ? -1 : at + lengthAt, null, 0, 0, 0);
        return setTarget(dv.buffer, at, null);
      }
      // A `*anyopaque` field holds handles only (handle-pointer.js).
      const memory = (type.heldTarget ?? type.target)(value, where);
      if (wasm) {
        if (memory.elements) throw new TypeError(`${where}: a slice of slices in WebAssembly memory cannot point at JS values`);
        return wasm.writePointer(at, addressAt, lengthAt, memory, countOf(memory), where, type.pointee);
      }
      if (zig && memory.elements) throw new TypeError(`${where}: a slice of slices in Zig memory cannot point at JS values`);
      const address = zig
        ? livePlaces.write(dv.buffer, at + addressAt, lengthAt < 0 ? -1 : at + lengthAt, memory.buffer,
          memory.byteOffset, memory.byteLength, countOf(memory))
        : undefined;
      // The entry also keeps the target alive while Zig's field points at it,
      // and can point a copy of the field (copyBytes) at it too.
      const repoint = (buffer, copyAt) => access.write(new DataView(buffer), copyAt, value, where);
      return setTarget(dv.buffer, at, { memory, value, address, repoint });
    },
  };
  return { ...type, ...access, inline: null };

  function view(entry) {
    const { buffer, byteOffset, byteLength } = entry.memory;
    // A handle's memory is its token (see handle-pointer.js).
    return (entry.view ??= type.result(buffer, byteOffset, byteLength - extraOf(entry.memory), buffer));
  }

  /** A pointer in Zig memory: whatever it holds now, read by the runtime. */
  function readLive(buffer, at, entry) {
    const found = livePlaces.read(buffer, at + addressAt, lengthAt < 0 ? -1 : at + lengthAt, elemSize, readMode);
    if (found === null) return null;
    // The pointed-at bytes lie at `byteOffset` of `fresh`: 0, unless the
    // runtime shows them inside a copy of Zig memory JS already has.
    const [address, fresh, byteOffset = 0, byteLength = fresh.byteLength] = found;
    if (readMode === READ_HANDLE) return entry?.address === address ? view(entry) : type.result(null, 0, 0, fresh);
    // Still pointing where JS last set it: the view of what JS gave.
    if (entry?.address === address && entry.memory.byteLength - extraOf(entry.memory) === byteLength) return view(entry);
    const memory = zigMemory(address - byteOffset, fresh.byteLength, fresh);
    return zigObject(memory, type.name, () => type.result(memory, byteOffset, byteLength), byteOffset, byteLength);
  }
}
