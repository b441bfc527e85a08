// Builds the JS function for a Zig function with several pointer or slice
// parameters, pointers reached through structs, or a pointer result.
// Scalars go into the frame as usual; each pointer becomes a 40-byte record
// after the frame (slot, buffer index, byte offset, byte length, parent
// record, element, alias): a top-level record fills a frame slot, a child
// record place `slot` of element `element` of its parent's target (the
// places of a type are numbered as marshal/src/descriptor/places.rs does),
// an alias record repeats an earlier target. The ArrayBuffers are the
// pointer invoker's arguments; it checks the ranges, plans copies and
// writes every address itself. A returned address comes back as a place in
// one of those ArrayBuffers or as an ArrayBuffer over Zig's own memory, and
// so do the pointers inside the result.
import { argumentCountError } from '../errors.js';
import { isZigMemory, zigMemory, zigObject } from '../runtime/zig-memory.js';
import { getTarget, setTarget } from '../types/pointer-targets.js';
import { AT, DV } from '../types/memory.js';

const RECORD_SIZE = 40;
/** Bytes per entry the runtime writes about the pointers inside a result. */
const ENTRY_SIZE = 48;
/** Most records one call may write (the runtime's limit too). */
export const MAX_RECORDS = 4096;
const NONE = 0xffffffff;
/** Most distinct ArrayBuffers one call may pass (the runtime's limit too). */
export const MAX_BUFFERS = 32;

/** Makes the callable for function descriptor `fn` (see function.js). */
export function makePointerFunction(fn, types, frames, id, afterOutput) {
  const { dv, header } = frames;
  const ret = types[fn.ret.type];
  // An allocator parameter is the runtime's to supply, not an argument.
  // Frame slots are numbered as the runtime numbers them: one per pointer
  // parameter, one per place of a parameter passed by value.
  let slot = 0;
  const params = fn.params.filter((p) => !types[p.type].hidden).map((p, i) => {
    const type = types[p.type];
    const param = { type, offset: p.offset, where: `${fn.name}(args[${i}])`, slot };
    slot += type.pointer ? 1 : type.places.length;
    return param;
  });
  const tableAt = (f) => Math.ceil((f + fn.frame.size) / 8) * 8;

  const call = function (...args) {
    if (args.length !== params.length) throw argumentCountError(fn.name, params.length, args.length);
    const f = frames.top;
    const records = recordWriter(dv, tableAt(f), fn.name);
    params.forEach((p, i) => {
      const value = args[i];
      if (p.type.pointer) {
        if (p.type.pointer.optional && (value === null || value === undefined)) return;
        records.visit(p.slot, p.type.target(value, p.where), p.type, NONE, 0, p.where);
      } else if (p.type.places.length > 0) {
        passByValue(records, p, value);
      } else {
        p.type.write(dv, f + p.offset, value, p.where);
      }
    });
    if (records.buffers.length > MAX_BUFFERS) {
      throw new RangeError(`${fn.name}(): more than ${MAX_BUFFERS} distinct ArrayBuffers in one call`);
    }
    header[0] = f;
    header[1] = id;
    header[2] = records.count;
    header[3] = records.table;
    const external = frames.invokeWithPointers(...records.buffers);
    if (header[4] !== 0) afterOutput();
    // An array when the result holds pointers: [the result's own buffer, ...theirs].
    const placed = Array.isArray(external) ? external : null;
    if (!ret.pointer) {
      const value = ret.read(dv, f + fn.ret.offset);
      if (placed && value !== null) rememberPlaces(value[DV].buffer, value[DV].byteOffset + value[AT], valueType(ret), placed, records);
      return value;
    }
    ret.throwIfError?.(dv, f + fn.ret.offset);
    const memory = resultMemory(records.buffers, placed ? placed[0] : external);
    if (memory === null) return null;
    if (placed) rememberPlaces(memory.buffer, memory.byteOffset, ret.pointee, placed, records);
    return memory.zig
      ? zigObject(memory.buffer, ret.name, () => ret.result(memory.buffer, 0, memory.byteLength))
      : ret.result(memory.buffer, memory.byteOffset, memory.byteLength, memory.token);

    /**
     * A struct (or array) holding pointers, passed by value: written into
     * memory of its own first, so that the targets of its pointers are known
     * (pointer-targets.js), then copied into the frame; each place is a frame
     * slot of its own.
     */
    function passByValue(recs, p, value) {
      const own = new DataView(new ArrayBuffer(p.type.size));
      p.type.write(own, 0, value, p.where);
      new Uint8Array(dv.buffer, f + p.offset, p.type.size).set(new Uint8Array(own.buffer));
      p.type.places.forEach((place, j) => {
        const entry = getTarget(own.buffer, place.offset);
        const where = `${p.where}.${place.path.join('.')}`;
        if (entry) recs.visit(p.slot + j, entry.memory, place.type, NONE, 0, where);
        else if (!place.type.pointer.optional) throw new TypeError(`${where}: a pointer is required`);
      });
    }
  };
  Object.defineProperty(call, 'name', { value: fn.name });
  return call;

  /**
   * The memory a returned address points at (see Arena::set_call_outcome in
   * the runtime): `{ buffer, byteOffset, byteLength }`, with `zig` set for
   * Zig's own memory; for a handle, its `token`; null for null.
   */
  function resultMemory(buffers, external) {
    const byteOffset = dv.getFloat64(32, true);
    const byteLength = dv.getFloat64(40, true);
    switch (header[5]) {
      case 1: return { buffer: buffers[header[6]], byteOffset, byteLength };
      case 2: return { buffer: zigMemory(dv.getFloat64(48, true), byteLength, external), byteOffset: 0, byteLength, zig: true };
      case 3: return { buffer: external, byteOffset, byteLength };
      case 4: return { token: external };
      default: return null;
    }
  }

  /**
   * Remembers where each pointer inside a result points (the entries the
   * runtime wrote, see runtime/src/result_places.rs), beside the pointer's
   * bytes, so that reading it gives its target. The root is the memory at
   * (`buffer`, `byteOffset`) holding values of type `rootType`.
   */
  function rememberPlaces(buffer, byteOffset, rootType, placed, records) {
    const count = header[14];
    const memories = new Array(count);
    const types = new Array(count);
    const root = { buffer, byteOffset };
    for (let k = 0; k < count; k++) {
      const at = records.table + k * ENTRY_SIZE;
      const index = dv.getUint32(at + 4, true);
      const byteOffsetOf = dv.getFloat64(at + 8, true);
      const byteLength = dv.getFloat64(at + 16, true);
      const parent = dv.getUint32(at + 32, true);
      const holder = parent === NONE ? root : memories[parent];
      const holderType = parent === NONE ? rootType : types[parent];
      const place = holderType.places[dv.getUint32(at + 36, true)];
      const element = dv.getUint32(at + 40, true);
      types[k] = place.type.pointee;
      switch (dv.getUint32(at, true)) {
        case 1: memories[k] = { buffer: records.buffers[index], byteOffset: byteOffsetOf, byteLength }; break;
        case 2: memories[k] = { buffer: zigMemory(dv.getFloat64(at + 24, true), byteLength, placed[index]), byteOffset: 0, byteLength }; break;
        case 3: memories[k] = { buffer: placed[index], byteOffset: byteOffsetOf, byteLength }; break;
        case 5: memories[k] = memories[index]; break;
        default: memories[k] = null;
      }
      if (holder && memories[k]) {
        setTarget(holder.buffer, holder.byteOffset + element * holderType.size + place.offset, { memory: memories[k] });
      }
    }
  }
}

/**
 * Writes a call's records into the table at `table` and collects the
 * ArrayBuffers they name. `visit` describes one target and, through the
 * places of what it points at, every target reachable from it: each target
 * once (a second path to it becomes an alias record), so cycles end.
 */
export function recordWriter(dv, table, fnName) {
  const buffers = [];
  const walked = new Map();
  const writer = {
    buffers,
    table,
    count: 0,
    record(slot, buffer, byteOffset, byteLength, parent, element, alias = NONE) {
      if (writer.count === MAX_RECORDS) throw new RangeError(`${fnName}(): more than ${MAX_RECORDS} pointers in one call`);
      const at = table + writer.count * RECORD_SIZE;
      dv.setUint32(at, slot, true);
      dv.setUint32(at + 4, bufferIndex(buffer), true);
      dv.setFloat64(at + 8, byteOffset, true);
      dv.setFloat64(at + 16, byteLength, true);
      dv.setUint32(at + 24, parent, true);
      dv.setUint32(at + 28, element, true);
      dv.setUint32(at + 32, alias, true);
      return writer.count++;
    },
    /** Records memory `m` for `slot` (or place, under `parent`) of pointer type `type`. */
    visit(slot, m, type, parent, element, where) {
      // Zig's own memory keeps Zig's pointers: nothing to describe inside it.
      const places = isZigMemory(m.buffer) ? [] : type.pointee?.places ?? [];
      const key = places.length > 0 ? `${bufferIndex(m.buffer)}:${m.byteOffset}:${m.byteLength}:${type.pointee.index}` : null;
      const seen = key === null ? undefined : walked.get(key);
      if (seen !== undefined) return writer.record(slot, m.buffer, m.byteOffset, m.byteLength, parent, element, seen);
      const r = writer.record(slot, m.buffer, m.byteOffset, m.byteLength, parent, element);
      if (key !== null) walked.set(key, r);
      const e = m.elements;
      if (e) {
        // A slice of pointers built for the call: element k's pointer is place 0 of element k.
        for (let k = 0; k < e.owners.length; k++) writer.record(0, e.owners[k], e.offsets[k], e.lengths[k], r, k);
        return r;
      }
      if (places.length === 0) return r;
      const stride = type.pointee.size;
      for (let i = 0; i < m.byteLength / stride; i++) {
        places.forEach((place, j) => {
          const entry = getTarget(m.buffer, m.byteOffset + i * stride + place.offset);
          const at = `${where}${type.kind === 'slice' || type.many ? `[${i}]` : ''}.${place.path.join('.')}`;
          if (entry) writer.visit(j, entry.memory, place.type, r, i, at);
          else if (!place.type.pointer.optional) throw new TypeError(`${at}: a pointer is required`);
        });
      }
      return r;
    },
  };
  return writer;

  /** The index of `buffer` among the invoker's arguments, adding it once. */
  function bufferIndex(buffer) {
    const found = buffers.indexOf(buffer);
    return found >= 0 ? found : buffers.push(buffer) - 1;
  }
}

/** The type of the value a result holds: inside an optional or error union, their payload. */
export function valueType(type) {
  if (type.kind === 'error_union') return type.payload;
  if (type.kind === 'optional') return type.child;
  return type;
}
