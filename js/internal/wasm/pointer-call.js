// Calls with pointers in WebAssembly mode. Wasm code sees only its own
// memory, so every target (the bytes a pointer argument refers to) is placed
// there: the runtime's planner (`planCopies`, the same `marshal` plan as in
// native mode) groups overlapping targets into clusters and says where each
// goes in a scratch block, or fails with the alignment conflict. The
// clusters are copied in, the addresses written into the frame (and into
// copied slices of slices), Zig runs, writable clusters are copied back and
// the block is freed. A buffer tied into wasm memory (ties.js) is reachable
// where it is, so the planner passes it in place when alignment allows. A
// returned address maps back to the argument it came from, to a JS copy of
// what the call allocated, or to a view of wasm memory.
import { addon } from '../runtime/addon.js';
import { argumentCountError } from '../errors.js';
import { MAX_BUFFERS, MAX_RECORDS } from '../calls/pointer-call.js';
import { wasmObject } from './objects.js';

const TARGET_FIELDS = 6;
const CLUSTER_FIELDS = 5;
/** Scratch blocks are aligned so that every residue the plan needs holds. */
const SCRATCH_ALIGN = 4096;

/**
 * The callable for function `fn`; `slots` are its pointer slots from the
 * runtime, `instance` and `frames` its module's (see host.js).
 */
export function makeWasmPointerFunction(fn, types, { instance, frames, slots, ties }) {
  const { memory } = instance;
  const ret = types[fn.ret.type];
  const allocates = fn.params.some((p) => types[p.type].hidden);
  const params = fn.params.filter((p) => !types[p.type].hidden).map((p, i) => ({
    type: types[p.type],
    offset: p.offset,
    where: `${fn.name}(args[${i}])`,
  }));
  let next = 0;
  for (const p of params) if (p.type.pointer) p.slot = slots.params[next++];

  const call = function (...args) {
    if (args.length !== params.length) throw argumentCountError(fn.name, params.length, args.length);
    // Targets are found (and may throw) before anything is written.
    const found = params.map((p, i) => {
      const value = args[i];
      if (!p.type.pointer || (p.type.pointer.optional && (value === null || value === undefined))) return null;
      return p.type.target(value, p.where);
    });
    const f = frames.top;
    params.forEach((p, i) => { if (!p.type.pointer) p.type.write(frames.dv, f + p.offset, args[i], p.where); });
    const targets = collectTargets(params, found);
    // The limits of native mode, so that a call valid in one mode is valid in both.
    if (targets.list.length > MAX_RECORDS) throw new RangeError(`${fn.name}(): more than ${MAX_RECORDS} pointers in one call`);
    if (targets.buffers.length > MAX_BUFFERS) {
      throw new RangeError(`${fn.name}(): more than ${MAX_BUFFERS} distinct ArrayBuffers in one call`);
    }
    const placed = placeTargets(instance, ties, targets);
    try {
      writeSlots(frames.dv, f, params, found, targets, placed);
      frames.header[0] = f;
      frames.header[1] = fn.thunk;
      try {
        frames.invoke();
      } finally {
        // Also after a panic: what Zig wrote before it stays written, as
        // when it writes JS memory in place.
        copyBack(memory, targets, placed);
      }
      if (!ret.pointer) return ret.read(frames.dv, f + fn.ret.offset);
      ret.throwIfError?.(frames.dv, f + fn.ret.offset);
      return pointerResult(instance, ret, slots.result, frames.dv, f, targets, placed);
    } finally {
      if (placed.scratch !== 0) instance.free(placed.scratch, placed.scratchSize, SCRATCH_ALIGN);
      if (allocates) instance.exports.zigport_release_call_memory();
    }
  };
  Object.defineProperty(call, 'name', { value: fn.name });
  return call;
}

/**
 * Every target of the call: one per non-null pointer argument, plus one per
 * element of a slice of slices (`parent` is then its outer target).
 */
function collectTargets(params, found) {
  const targets = { list: [], buffers: [] };
  const add = (buffer, offset, len, slot, parent, element) => {
    let index = targets.buffers.indexOf(buffer);
    if (index < 0) index = targets.buffers.push(buffer) - 1;
    targets.list.push({ buffer: index, offset, len, slot, parent, element });
    return targets.list.length - 1;
  };
  params.forEach((p, i) => {
    const m = found[i];
    if (m === null) return;
    const parent = add(m.buffer, m.byteOffset, m.byteLength, p.slot, -1, 0);
    const e = m.elements;
    for (let k = 0; e && k < e.owners.length; k++) {
      add(e.owners[k], e.offsets[k], e.lengths[k], p.slot.element, parent, k);
    }
    p.target = parent;
  });
  return targets;
}

/**
 * Asks the planner where each target goes, allocates the scratch block and
 * copies the clusters in. `{ scratch, scratchSize, clusters, addresses }`;
 * a cluster's `address` is where it is in wasm memory during the call, in
 * the scratch block (`copied`) or in a tied buffer's region.
 */
function placeTargets(instance, ties, targets) {
  const { list, buffers } = targets;
  if (list.length === 0) return NOTHING_PLACED;
  const reach = buffers.map((buffer) => ties.addressOf(buffer));
  // Every target where wasm code can already see it, aligned there: no
  // copies, so nothing to plan (native mode's common case, here for ties).
  if (list.every((t) => reach[t.buffer] >= 0 && (reach[t.buffer] + t.offset) % t.slot.elem_align === 0)) {
    return { ...NOTHING_PLACED, addresses: list.map((t) => reach[t.buffer] + t.offset) };
  }
  const numbers = planInput.ensure(list.length * TARGET_FIELDS);
  list.forEach((t, i) => {
    const at = i * TARGET_FIELDS;
    numbers[at] = t.buffer;
    numbers[at + 1] = t.offset;
    numbers[at + 2] = t.len;
    numbers[at + 3] = t.slot.elem_align;
    numbers[at + 4] = t.slot.writable ? 1 : 0;
    numbers[at + 5] = reach[t.buffer];
  });
  const plan = planOutput.ensure(2 + list.length * (CLUSTER_FIELDS + 2));
  addon.planCopies(numbers.subarray(0, list.length * TARGET_FIELDS), plan);
  const scratchSize = plan[0];
  const scratch = scratchSize > 0 ? instance.alloc(scratchSize, SCRATCH_ALIGN) : 0;
  const clusters = [];
  let at = 2;
  for (let c = 0; c < plan[1]; c++, at += CLUSTER_FIELDS) {
    const buffer = plan[at];
    const start = plan[at + 1];
    const len = plan[at + 2];
    const offset = plan[at + 3];
    const copyBack = plan[at + 4];
    const copied = offset >= 0;
    const address = copied ? scratch + offset : reach[buffer] + start;
    if (copied) instance.memory.bytes(address, len).set(new Uint8Array(buffers[buffer], start, len));
    clusters.push({ buffer, start, len, address, copied, copyBack: copyBack === 1 });
  }
  const addresses = list.map((_, i) => plan[at + i * 2 + 1] + (plan[at + i * 2] === 1 ? scratch : 0));
  return { scratch, scratchSize, clusters, addresses };
}

const NOTHING_PLACED = { scratch: 0, scratchSize: 0, clusters: [], addresses: [] };

/** A Float64Array reused from call to call, grown when a call needs more. */
function reusable() {
  let array = new Float64Array(64);
  return {
    ensure(length) {
      if (array.length < length) array = new Float64Array(Math.max(length, array.length * 2));
      return array;
    },
  };
}

const planInput = reusable();
const planOutput = reusable();

/** Writes each pointer slot's address, length and presence (wasm addresses and lengths are u32). */
function writeSlots(dv, f, params, found, targets, placed) {
  params.forEach((p, i) => {
    const slot = p.slot;
    if (!slot) return;
    const present = found[i] !== null;
    if (slot.present_offset !== null) dv.setUint8(f + slot.present_offset, present ? 1 : 0);
    if (!present) {
      if (slot.present_offset === null) dv.setUint32(f + slot.address_offset, 0, true);
      return;
    }
    const t = targets.list[p.target];
    dv.setUint32(f + slot.address_offset, placed.addresses[p.target], true);
    if (slot.len_offset !== null) dv.setUint32(f + slot.len_offset, t.len / slot.elem_size, true);
  });
  // Elements of a slice of slices: their addresses go into the outer
  // slice's copy, which is in wasm memory.
  targets.list.forEach((t, i) => {
    if (t.parent < 0) return;
    const element = placed.addresses[t.parent] + t.element * t.slot.stride;
    dv.setUint32(element + t.slot.address_offset, placed.addresses[i], true);
    if (t.slot.len_offset !== null) dv.setUint32(element + t.slot.len_offset, t.len / t.slot.elem_size, true);
  });
}

function copyBack(memory, targets, placed) {
  for (const c of placed.clusters) {
    if (c.copied && c.copyBack) {
      new Uint8Array(targets.buffers[c.buffer], c.start, c.len).set(memory.bytes(c.address, c.len));
    }
  }
}

/**
 * The JS value for the address in result slot `slot`: a place in one of
 * the arguments (through its copy), a JS copy of memory the call allocated,
 * or a view of wasm memory (the same object for the same place).
 */
function pointerResult(instance, type, slot, dv, f, targets, placed) {
  const present = slot.present_offset === null || dv.getUint8(f + slot.present_offset) !== 0;
  const address = dv.getUint32(f + slot.address_offset, true);
  const count = slot.len_offset === null ? 1 : dv.getUint32(f + slot.len_offset, true);
  const len = count * slot.elem_size;
  if (!present || address === 0) return null;
  for (const c of placed.clusters) {
    if (address >= c.address && address + len <= c.address + c.len) {
      return type.result(targets.buffers[c.buffer], c.start + (address - c.address), len);
    }
  }
  const allocated = allocationHolding(instance, address, len);
  if (allocated) {
    const copy = instance.memory.bytes(allocated.address, allocated.len).slice().buffer;
    return type.result(copy, address - allocated.address, len);
  }
  return wasmObject(instance, type, address, len);
}

/** The allocation of this call (through its allocator parameter) that holds `len` bytes at `address`. */
function allocationHolding(instance, address, len) {
  const { exports, memory } = instance;
  const list = exports.zigport_call_memory(instance.lengthAt) >>> 0;
  const count = memory.dv.getUint32(instance.lengthAt, true);
  for (let i = 0; i < count; i++) {
    const start = memory.dv.getUint32(list + i * 12, true);
    const size = memory.dv.getUint32(list + i * 12 + 4, true);
    if (address >= start && address + len <= start + size) return { address: start, len: size };
  }
  return null;
}
