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
import { checkVariadicCount, describeExtras } from './variadic.js';
import { isZigMemory, zigMemory, zigObject } from '../runtime/zig-memory.js';
import { getTarget, setTarget } from '../types/pointer-targets.js';
import { AT, DV } from '../types/memory.js';
import { copyBack, standIns } from './resizable-stand-ins.js';

const RECORD_SIZE = 40;
/** Bytes per entry the runtime writes about the pointers inside a result. */
const ENTRY_SIZE = 48;
/** Most records one call may write (the runtime's limit too). */
export const MAX_RECORDS = 4096;
const NONE = 0xffffffff;
/** Most distinct ArrayBuffers one call may pass (the runtime's limit too). */
const MAX_BUFFERS = 4096;

/** Makes the callable for function descriptor `fn` (see function.js). */
export function makePointerFunction(fn, types, frames, id, afterOutput) {
  const { dv, header } = frames;
  const ret = types[fn.ret.type];
  const params = pointerParams(fn, types);
  const hidden = hiddenParams(fn, types);
  const tableAt = (f) => Math.ceil((f + fn.frame.size) / 8) * 8;

  const call = function (...args) {
    checkArgumentCount(fn, params, args);
    const f = frames.top;
    const records = new RecordWriter(dv, tableAt(f), fn.name);
    describeArguments(fn, params, hidden, args, records, dv, f);
    header[0] = f;
    header[1] = id;
    header[2] = records.count;
    header[3] = records.table;
    const stands = standIns(records.buffers);
    let external;
    try {
      external = frames.invokeWithPointers(...(stands === null ? records.buffers : stands.passed));
    } finally {
      // Also after a panic: what Zig wrote before it stays written.
      if (stands !== null) copyBack(stands);
    }
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
      ? zigObject(memory.buffer, ret.name, () => ret.result(memory.buffer, memory.byteOffset, memory.byteLength),
        memory.byteOffset, memory.byteLength)
      : ret.result(memory.buffer, memory.byteOffset, memory.byteLength, memory.token);

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
      // Zig memory: a buffer of its own, or (no external buffers) the copy
      // of Zig memory JS already has that holds it, at `byteOffset`.
      case 2: return { buffer: zigMemory(dv.getFloat64(48, true) - byteOffset, external.byteLength, external), byteOffset, byteLength, zig: true };
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
        case 2: memories[k] = {
          buffer: zigMemory(dv.getFloat64(at + 24, true) - byteOffsetOf, placed[index].byteLength, placed[index]),
          byteOffset: byteOffsetOf,
          byteLength,
        }; break;
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
 * The parameters JS passes (an allocator is the runtime's to supply), each
 * with its first frame slot, numbered as the runtime numbers them: one per
 * pointer parameter, one per place of a parameter passed by value.
 */
export function pointerParams(fn, types) {
  let slot = 0;
  return fn.params.filter((p) => !types[p.type].hidden).map((p, i) => {
    const type = types[p.type];
    // Resolved once: `places` is looked up, not stored, on the type.
    const places = type.pointer ? [] : type.places;
    const param = { type, offset: p.offset, where: `${fn.name}(args[${i}])`, slot, places };
    slot += type.pointer ? 1 : places.length;
    return param;
  });
}

/**
 * The parameters JS does not pass (an allocator): each `{ type, offset,
 * where }`, written with what the call's options gave, if anything.
 */
export function hiddenParams(fn, types) {
  return fn.params.filter((p) => types[p.type].hidden)
    .map((p) => ({ type: types[p.type], offset: p.offset, where: `${fn.name}(options.allocator)` }));
}

/** Throws unless `args` are as many as `params` (at least as many, within the limit, for a variadic function). */
export function checkArgumentCount(fn, params, args) {
  if (fn.variadic) checkVariadicCount(fn, params.length, args.length);
  else if (args.length !== params.length) throw argumentCountError(fn.name, params.length, args.length);
}

/**
 * Writes the scalar arguments of a call (and its `hidden` parameters) into
 * its frame at `f` (in `dv`) and describes in `records` every target its
 * pointer arguments lead to. Shared by native mode and WebAssembly mode,
 * which act on the records differently. The extra arguments of a variadic
 * function follow its parameters (calls/variadic.js).
 */
export function describeArguments(fn, params, hidden, args, records, dv, f) {
  for (const h of hidden) h.type.write(dv, f + h.offset, undefined, h.where);
  params.forEach((p, i) => {
    const value = args[i];
    if (p.type.pointer) {
      if (p.type.pointer.optional && (value === null || value === undefined)) return;
      records.visit(p.slot, p.type.target(value, p.where), p.type, NONE, 0, p.where);
    } else if (p.places.length > 0) {
      passByValue(records, p, value, dv, f);
    } else {
      p.type.write(dv, f + p.offset, value, p.where);
    }
  });
  if (fn.variadic) {
    const last = params.at(-1);
    const slotBase = last ? last.slot + (last.type.pointer ? 1 : last.places.length) : 0;
    describeExtras(fn, params.length, slotBase, args, records, dv, f);
  }
  if (records.buffers.length > MAX_BUFFERS) {
    throw new RangeError(`${fn.name}(): more than ${MAX_BUFFERS} distinct ArrayBuffers in one call`);
  }
}

/**
 * A struct (or array) holding pointers, passed by value: written into
 * memory of its own first, so that the targets of its pointers are known
 * (pointer-targets.js), then copied into the frame at `f`; each place is a
 * frame slot of its own.
 */
function passByValue(records, p, value, dv, f) {
  const own = new DataView(new ArrayBuffer(p.type.size));
  p.type.write(own, 0, value, p.where);
  new Uint8Array(dv.buffer, f + p.offset, p.type.size).set(new Uint8Array(own.buffer));
  p.places.forEach((place, j) => {
    const entry = getTarget(own.buffer, place.offset);
    const where = `${p.where}.${place.path.join('.')}`;
    if (entry) records.visit(p.slot + j, entry.memory, place.type, NONE, 0, where);
    else if (!place.type.pointer.optional) throw new TypeError(`${where}: a pointer is required`);
  });
}

/**
 * Writes a call's records into the table at `table` and collects the
 * ArrayBuffers they name. `visit` describes one target and, through the
 * places of what it points at, every target reachable from it: each target
 * once (a second path to it becomes an alias record), so cycles end. A
 * class, so that a call allocates one object rather than a set of closures.
 */
export class RecordWriter {
  constructor(dv, table, fnName) {
    this.dv = dv;
    this.table = table;
    this.fnName = fnName;
    this.buffers = [];
    this.count = 0;
    this.walked = null;
  }

  record(slot, buffer, byteOffset, byteLength, parent, element, alias = NONE) {
    if (this.count === MAX_RECORDS) throw new RangeError(`${this.fnName}(): more than ${MAX_RECORDS} pointers in one call`);
    const { dv } = this;
    const at = this.table + this.count * RECORD_SIZE;
    dv.setUint32(at, slot, true);
    dv.setUint32(at + 4, this.bufferIndex(buffer), true);
    dv.setFloat64(at + 8, byteOffset, true);
    dv.setFloat64(at + 16, byteLength, true);
    dv.setUint32(at + 24, parent, true);
    dv.setUint32(at + 28, element, true);
    dv.setUint32(at + 32, alias, true);
    return this.count++;
  }

  /** Records memory `m` for `slot` (or place, under `parent`) of pointer type `type`. */
  visit(slot, m, type, parent, element, where) {
    // Zig's own memory keeps Zig's pointers: nothing to describe inside it.
    let places = type.pointee?.places;
    if (places?.length > 0 && isZigMemory(m.buffer)) places = undefined;
    if (!places?.length) {
      const r = this.record(slot, m.buffer, m.byteOffset, m.byteLength, parent, element);
      if (m.elements) this.elementRecords(m.elements, r);
      return r;
    }
    this.walked ??= new Map();
    const key = `${this.bufferIndex(m.buffer)}:${m.byteOffset}:${m.byteLength}:${type.pointee.index}`;
    const seen = this.walked.get(key);
    if (seen !== undefined) return this.record(slot, m.buffer, m.byteOffset, m.byteLength, parent, element, seen);
    const r = this.record(slot, m.buffer, m.byteOffset, m.byteLength, parent, element);
    this.walked.set(key, r);
    if (m.elements) {
      this.elementRecords(m.elements, r);
      return r;
    }
    const stride = type.pointee.size;
    for (let i = 0; i < m.byteLength / stride; i++) {
      places.forEach((place, j) => {
        const entry = getTarget(m.buffer, m.byteOffset + i * stride + place.offset);
        const at = `${where}${type.kind === 'slice' || type.many ? `[${i}]` : ''}.${place.path.join('.')}`;
        if (entry) this.visit(j, entry.memory, place.type, r, i, at);
        else if (!place.type.pointer.optional) throw new TypeError(`${at}: a pointer is required`);
      });
    }
    return r;
  }

  /** A slice of pointers built for the call: element k's pointer is place 0 of element k. */
  elementRecords(e, r) {
    for (let k = 0; k < e.owners.length; k++) this.record(0, e.owners[k], e.offsets[k], e.lengths[k], r, k);
  }

  /** The index of `buffer` among the invoker's arguments, adding it once. */
  bufferIndex(buffer) {
    const found = this.buffers.indexOf(buffer);
    return found >= 0 ? found : this.buffers.push(buffer) - 1;
  }
}

/** The type of the value a result holds: inside an optional or error union, their payload. */
export function valueType(type) {
  if (type.kind === 'error_union') return type.payload;
  if (type.kind === 'optional') return type.child;
  return type;
}
