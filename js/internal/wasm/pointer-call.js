// Calls with pointers in WebAssembly mode. Wasm code sees only its own
// memory, so every target (the bytes a pointer refers to) must be there
// during the call. The targets are found by the same walk as in native mode
// (calls/pointer-call.js: arguments, struct fields, slices of slices, each
// target once); the runtime's planner (`planCopies`, the same `marshal`
// plan) groups overlapping ones into clusters and says where each goes in a
// scratch block, or fails with the alignment conflict. Targets already in
// wasm memory (the module's own memory, or a buffer tied into it, see
// ties.js) are passed where they are when aligned (placement.js). The
// clusters are copied in, every address is written (into the frame, or into
// the copied targets for pointers inside them), Zig runs, writable clusters
// are copied back and the block is freed. The addresses in the result are
// then read back (results.js).
import {
  MAX_RECORDS, RecordWriter, checkArgumentCount, describeArguments, hiddenParams, pointerParams, valueType,
} from '../calls/pointer-call.js';
import { readResultPlaces, resultMemory } from './results.js';
import { SCRATCH_ALIGN, copyBack, placeTargets } from './placement.js';
import { GUARD_LEN } from './scratch-guard.js';

const RECORD_SIZE = 40;
const NONE = 0xffffffff;

/**
 * The callable for function `fn`; `slots` are its frame's pointer slots
 * from the runtime, the other context its module's (see host.js).
 */
export function makeWasmPointerFunction(fn, types, { instance, frames, slots, ties }) {
  const { memory } = instance;
  const ret = types[fn.ret.type];
  const allocates = fn.params.some((p) => types[p.type].hidden);
  const params = pointerParams(fn, types);
  const hidden = hiddenParams(fn, types);
  const context = { instance, ties, layout: instance.layout, slots: slots.params, stride: (index) => types[index].size };

  const call = function (...args) {
    checkArgumentCount(fn, params, args);
    const f = frames.top;
    const records = new RecordWriter(table, 0, fn.name);
    describeArguments(fn, params, hidden, args, records, frames.dv, f);
    const targets = readRecords(context, records);
    const placed = placeTargets(context, targets);
    try {
      writeAddresses(context, frames.dv, f, targets, placed);
      frames.header[0] = f;
      frames.header[1] = fn.thunk;
      try {
        if (frames.invoke()) frames.output.endCall();
      } finally {
        // Also after a panic: what Zig wrote before it stays written, as
        // when it writes JS memory in place.
        copyBack(memory, targets, placed);
      }
      // What the result's addresses are looked up in; allocations are read when first needed.
      const found = { instance, ties, targets, placed, copies: new Map(), allocations: null };
      if (!ret.pointer) {
        const value = ret.read(frames.dv, f + fn.ret.offset);
        if (value !== null && valueType(ret).places.length > 0) readResultPlaces(found, value, valueType(ret));
        return value;
      }
      ret.throwIfError?.(frames.dv, f + fn.ret.offset);
      return resultMemory(found, ret, slots.result, frames.dv, f);
    } finally {
      if (placed.scratch !== 0) instance.free(placed.scratch, placed.scratchSize + GUARD_LEN, SCRATCH_ALIGN);
      if (allocates) instance.exports.zigport_release_call_memory();
    }
  };
  Object.defineProperty(call, 'name', { value: fn.name });
  return call;
}

/** Where the walk writes its records (room for the most one call may have), read back at once. */
const table = new DataView(new ArrayBuffer(MAX_RECORDS * RECORD_SIZE));

/**
 * The call's targets, one per record: what it points at and where its
 * address goes. `place` says how the address is written (offsets, element
 * size and alignment, pointee type); `parent`, `element` where (the frame,
 * or element `element` of the parent's target); `alias` that it repeats an
 * earlier target.
 */
function readRecords({ layout, slots }, records) {
  const list = new Array(records.count);
  for (let k = 0; k < records.count; k++) {
    const at = k * RECORD_SIZE;
    const slot = table.getUint32(at, true);
    const parent = table.getUint32(at + 24, true);
    const alias = table.getUint32(at + 32, true);
    const place = parent === NONE ? slots[slot] : layout.places[list[parent].place.pointee][slot];
    list[k] = {
      slot,
      place,
      buffer: table.getUint32(at + 4, true),
      offset: table.getFloat64(at + 8, true),
      len: table.getFloat64(at + 16, true),
      parent: parent === NONE ? -1 : parent,
      element: table.getUint32(at + 28, true),
      alias: alias === NONE ? -1 : alias,
    };
    checkBounds(list, k, records.buffers, slots);
  }
  return { list, buffers: records.buffers };
}

/**
 * Refuses a target that does not lie inside its buffer (detached, or
 * shrunk since the walk found it), naming the argument it came from, as
 * the runtime does in native mode.
 */
function checkBounds(list, k, buffers, slots) {
  const t = list[k];
  const buffer = buffers[t.buffer];
  if (!(buffer instanceof ArrayBuffer) || t.offset + t.len <= buffer.byteLength) return;
  let root = t;
  while (root.parent >= 0) root = list[root.parent];
  throw outOfBounds(slots[root.slot].param, t.offset, t.len);
}

/** The RangeError for target memory that does not lie inside its buffer, as native mode words it. */
export function outOfBounds(param, offset, len) {
  return new RangeError(`args[${param}]: the buffer is detached or smaller than the ${len} bytes `
    + `at offset ${offset} the call needs`);
}

/**
 * Writes every address: frame slots (with lengths and presence), the
 * places inside targets (in their copies or where they are), and null into
 * the optional places JS left out. Wasm addresses and lengths are u32.
 */
function writeAddresses({ instance, layout, slots, stride: strideOf }, dv, f, targets, placed) {
  const { list } = targets;
  const zigMemory = instance.memory.buffer;
  const filledSlots = new Set();
  const filledPlaces = new Set();
  list.forEach((t, k) => {
    const address = placed.addresses[k];
    // A `[:0]T` target includes its terminator, which Zig's length leaves out.
    const count = t.place.len_offset === null || t.place.elem_size === 0 ? 0 : t.len / t.place.elem_size - (t.place.terminated ? 1 : 0);
    if (t.parent < 0) {
      filledSlots.add(t.slot);
      if (t.place.present_offset !== null) dv.setUint8(f + t.place.present_offset, 1);
      writePointer(dv, f, t.place, address, count);
    } else {
      const parent = list[t.parent];
      const holder = placed.addresses[t.parent] + t.element * strideOf(parent.place.pointee);
      filledPlaces.add(`${t.parent}:${t.element}:${t.slot}`);
      writePointer(dv, holder, t.place, address, count);
    }
  });
  slots.forEach((slot, s) => {
    if (filledSlots.has(s)) return;
    if (slot.present_offset !== null) dv.setUint8(f + slot.present_offset, 0);
    else writePointer(dv, f, slot, 0, 0);
  });
  // Optional places inside targets that JS gave no target get null; the
  // module's own memory keeps its pointers.
  list.forEach((t, k) => {
    if (t.alias >= 0 || t.place.handle || targets.buffers[t.buffer] === zigMemory) return;
    // A variadic extra's slot names no pointee type (it has no places).
    const places = layout.places[t.place.pointee] ?? [];
    if (places.length === 0) return;
    const stride = strideOf(t.place.pointee);
    for (let i = 0; i < t.len / stride; i++) {
      places.forEach((place, j) => {
        if (!filledPlaces.has(`${k}:${i}:${j}`)) writePointer(dv, placed.addresses[k] + i * stride, place, 0, 0);
      });
    }
  });
}

function writePointer(dv, base, place, address, count) {
  dv.setUint32(base + place.address_offset, address, true);
  if (place.len_offset !== null) dv.setUint32(base + place.len_offset, count, true);
}
