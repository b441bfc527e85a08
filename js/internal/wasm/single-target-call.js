// Calls whose one pointer argument points at plain memory (`[]const u8`,
// `[]f32`, `*[4]u32`, a string): the most common call with memory, here
// without the general walk (pointer-call.js). Its target has no pointers
// inside and overlaps nothing, so the plan is trivial and needs no planner:
// used where it is when it is already in wasm memory and aligned, else
// copied (and back when Zig may write it) into a block aligned as the
// planner would align it: from the host's scratch stack when it fits, else
// from Zig's allocator.
import { checkArgumentCount, pointerParams, valueType } from '../calls/pointer-call.js';
import { makeWasmPointerFunction, outOfBounds } from './pointer-call.js';
import { copyInto } from './placement.js';
import { GUARD_LEN, OVERRUN, guardIntact, writeGuard } from './scratch-guard.js';

/**
 * Whether `fn` is such a call: one pointer slot (a parameter pointing at
 * memory without pointers in it, not a handle), nothing hidden, a result
 * without pointers, not variadic.
 */
export function hasSingleTarget(fn, types, slots) {
  if (fn.variadic || slots.params.length !== 1 || slots.result !== null || slots.params[0].handle) return false;
  if (fn.params.some((p) => types[p.type].hidden)) return false;
  const ret = types[fn.ret.type];
  if (ret.pointer || valueType(ret).places.length > 0) return false;
  const pointer = fn.params.map((p) => types[p.type]).find((t) => t.pointer);
  return pointer !== undefined && !(pointer.pointee?.places.length > 0) && !pointer.pointer.holdsPointers;
}

/** The callable for `fn` (see hasSingleTarget); the context is its module's (host.js). */
export function makeSingleTargetFunction(fn, types, context) {
  const { instance, frames, slots, ties, scratch } = context;
  const { memory } = instance;
  const ret = types[fn.ret.type];
  const params = pointerParams(fn, types);
  const index = params.findIndex((p) => p.type.pointer);
  const slot = slots.params[0];
  const align = slot.elem_align;
  const general = makeWasmPointerFunction(fn, types, context);

  const call = function (...args) {
    checkArgumentCount(fn, params, args);
    const f = frames.top;
    let target = null;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (i !== index) p.type.write(frames.dv, f + p.offset, args[i], p.where);
      else if (!(p.type.pointer.optional && (args[i] === null || args[i] === undefined))) target = p.type.target(args[i], p.where);
    }
    if (target === null) return invoke(f, 0, 0, false);
    const { buffer, byteOffset, byteLength } = target;
    // Empty or shared memory takes the general path (and its planner).
    if (byteLength === 0 || !(buffer instanceof ArrayBuffer)) return general(...args);
    // A typed array's view lies in its buffer; other memory is checked.
    if (target.view === undefined && byteOffset + byteLength > buffer.byteLength) {
      throw outOfBounds(slot.param, byteOffset, byteLength);
    }
    const base = buffer === memory.buffer ? 0 : ties.addressOf(buffer);
    if (base >= 0 && (base + byteOffset) % align === 0) return invoke(f, base + byteOffset, byteLength, true);
    const mark = scratch.top;
    // The copy is followed by a guard (scratch-guard.js), checked after the call.
    const blockLength = byteLength + GUARD_LEN;
    let address = scratch.take(blockLength, align);
    const allocated = address < 0;
    if (allocated) address = instance.alloc(blockLength, align, `args[${slot.param}]`, byteLength);
    writeGuard(memory, address + byteLength);
    // A Uint8Array argument is its own byte view.
    const source = target.view instanceof Uint8Array ? target.view : new Uint8Array(buffer, byteOffset, byteLength);
    memory.u8.set(source, address);
    try {
      return invoke(f, address, byteLength, true);
    } finally {
      try {
        memory.sync();
        if (!guardIntact(memory, address + byteLength)) throw new Error(OVERRUN);
        // Also after a panic: what Zig wrote before it stays written.
        if (slot.writable) copyInto(buffer, byteOffset, memory.u8.subarray(address, address + byteLength));
      } finally {
        if (allocated) instance.free(address, blockLength, align);
        else scratch.top = mark;
      }
    }
  };

  /** Writes the target's address into the frame, runs Zig and reads the result. */
  function invoke(f, address, byteLength, present) {
    const { dv } = frames;
    if (slot.present_offset !== null) dv.setUint8(f + slot.present_offset, present ? 1 : 0);
    dv.setUint32(f + slot.address_offset, address, true);
    if (slot.len_offset !== null) {
      // A `[:0]T` target includes its terminator, which Zig's length leaves out.
      const count = slot.elem_size === 0 ? 0 : byteLength / slot.elem_size - (slot.terminated && present ? 1 : 0);
      dv.setUint32(f + slot.len_offset, count, true);
    }
    frames.header[0] = f;
    frames.header[1] = fn.thunk;
    if (frames.invoke()) frames.output.endCall();
    return ret.read(frames.dv, f + fn.ret.offset);
  }

  Object.defineProperty(call, 'name', { value: fn.name });
  return call;
}

