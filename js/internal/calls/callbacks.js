// JS functions that Zig calls through function pointers. A JS function
// given where Zig expects `*const fn (...) R` is bound to a trampoline of
// that function type (a slot; the exporter makes a fixed number per type)
// and Zig receives the trampoline's address. The same JS function gives the
// same address until it is released or its module is abandoned. When Zig
// calls the trampoline, the host (the addon, or the WebAssembly import)
// hands this module the frame: the arguments are read from it as values in
// memory are, the function runs, and its result is written back, or the
// call is reported as failed.
import { isZigMemory } from '../runtime/zig-memory.js';
import { trackerOf } from '../types/memory.js';

/** What a call reports back to the trampoline (`callback.Status` in Zig). */
export const Status = Object.freeze({ done: 0, failed: 1, released: 4 });

export class ModuleCallbacks {
  /**
   * - `descriptor`, `types`: the module's, once built (`types` may fill later)
   * - `slots`: the host's `{ bind(caller) -> { slot, address } | null, release(caller, slot) }`
   */
  constructor(descriptor, types, slots) {
    this.types = types;
    this.slots = slots;
    this.layouts = new Map();
    descriptor.functions.forEach((fn, index) => {
      if (fn.role === 'caller') this.layouts.set(index, { name: fn.name.replace(/^\?/, ''), callback: fn.callback, problem: fn.callback_problem });
    });
    /** Per caller: JS function -> binding, and binding by slot. */
    this.byFunction = new Map();
    this.bySlot = new Map();
    /** Every binding by trampoline address, for reading a pointer back. */
    this.byAddress = new Map();
    /** Per caller, what its calls reuse (see makePlan). */
    this.plans = new Map();
  }

  /**
   * The address Zig calls to run `fn` as a function of caller `caller`'s
   * type; `where` names the value for errors.
   */
  addressOf(caller, fn, where) {
    return this.bind(caller, fn, where, false);
  }

  /**
   * The address of a trampoline of caller `caller` that runs `handler(view,
   * at)` on the raw frame instead of a JS function on converted arguments
   * (the runtime's own callbacks: promises, generators). Bound once per handler.
   */
  internalAddress(caller, handler, where) {
    return this.bind(caller, handler, where, true);
  }

  /** Layout of the frame of caller `caller`'s trampolines. */
  frameLayout(caller) {
    return this.layouts.get(caller).callback;
  }

  bind(caller, fn, where, raw) {
    const layout = this.layouts.get(caller);
    if (!layout.callback) throw new TypeError(`${where}: a JS function cannot stand in for ${layout.name}: ${layout.problem}`);
    let bound = this.byFunction.get(caller);
    if (!bound) this.byFunction.set(caller, (bound = new Map()));
    const known = bound.get(fn);
    if (known) return known.address;
    const got = this.slots.bind(caller);
    if (got === null) {
      throw new RangeError(`${where}: all ${layout.callback.slots} JS functions that can stand in for ${layout.name} are in use; `
        + 'release one with zigar.function.release() before binding another');
    }
    const binding = { fn, caller, slot: got.slot, address: got.address, raw };
    bound.set(fn, binding);
    this.slotsOf(caller).set(got.slot, binding);
    this.byAddress.set(got.address, binding);
    return got.address;
  }

  /** Bytes of the frame of caller `caller`'s trampolines. */
  frameSize(caller) {
    return this.layouts.get(caller).callback.frame.size;
  }

  /** The JS function bound at trampoline `address`, or undefined. */
  functionAt(address) {
    return this.byAddress.get(address)?.fn;
  }

  /** Frees the trampoline at `address`; false when no JS function is bound there. */
  release(address) {
    const binding = this.byAddress.get(address);
    if (!binding) return false;
    this.byAddress.delete(address);
    this.byFunction.get(binding.caller).delete(binding.fn);
    this.slotsOf(binding.caller).delete(binding.slot);
    this.slots.release(binding.caller, binding.slot);
    return true;
  }

  /** Frees the trampoline of `slot` of `caller`, if a JS function is bound to it. */
  releaseSlot(caller, slot) {
    const binding = this.bySlot.get(caller)?.get(slot);
    if (binding) this.release(binding.address);
  }

  /** Frees every trampoline (the module is abandoned). */
  releaseAll() {
    for (const address of [...this.byAddress.keys()]) this.release(address);
  }

  slotsOf(caller) {
    let slots = this.bySlot.get(caller);
    if (!slots) this.bySlot.set(caller, (slots = new Map()));
    return slots;
  }

  /**
   * Runs the function bound to `slot` of `caller` on the frame at `at` in
   * the memory `view()` gives (fetched again after the call, which may
   * grow WebAssembly memory); returns a `Status`. `args`, when given, is
   * `{ dv, at }`: where to read the arguments instead (a copy of the frame
   * that the runtime marked as Zig memory, so pointers in it are followed).
   */
  run(caller, slot, view, at, args = null) {
    const binding = this.bySlot.get(caller)?.get(slot);
    if (!binding) return Status.released;
    if (binding.raw) return binding.fn(view, at, args);
    const plan = this.plans.get(caller) ?? this.makePlan(caller);
    // Natively, a frame holding pointers comes as the runtime's copy: the
    // arguments are read there and the result written there.
    return args ? this.runOn(plan, binding.fn, () => args.dv, args.at) : this.runOn(plan, binding.fn, view, at);
  }

  /** Runs `fn` on the frame at `at` of `view()` as `plan` says; returns a `Status`. */
  runOn(plan, fn, view, at) {
    let result;
    try {
      result = plan.call(fn, view(), at);
    } catch (err) {
      return this.failed(plan.ret, view, at + plan.retOffset, err, plan.name);
    }
    if (plan.ret.kind === 'void') return Status.done;
    try {
      if (typeof result?.then === 'function') {
        throw new TypeError(`${plan.resultWhere}: the JS function returned a promise, which Zig cannot wait for; `
          + 'make it synchronous, or give the Zig function a zigar Promise parameter to settle later');
      }
      if (plan.holdsPointers) refuseJsMemory(plan.ret, result, plan.resultWhere);
      plan.ret.write(view(), at + plan.retOffset, result, plan.resultWhere);
    } catch (err) {
      return this.failed(plan.ret, view, at + plan.retOffset, err, plan.name);
    }
    return Status.done;
  }

  /**
   * What every call of caller `caller`'s type reuses, made on its first
   * call (the types are complete by then): its result type and where it
   * goes, and `call(fn, dv, at)`, generated source that reads each argument
   * from the frame (a scalar with one DataView load) and calls `fn`, with
   * allocators in a trailing options object.
   */
  makePlan(caller) {
    const { callback, name } = this.layouts.get(caller);
    const params = callback.params.map((p) => this.types[p.type]);
    const read = (p, i) => (params[i].inline?.get
      ? params[i].inline.get('dv', `at + ${p.offset}`)
      : `read(t${i}, dv, at + ${p.offset})`);
    // As in Zigar, an allocator comes last, in an options object (`{ allocator }`).
    const args = callback.params.map((p, i) => (params[i].kind === 'allocator' ? null : read(p, i))).filter(Boolean);
    const allocators = callback.params.map((p, i) => (params[i].kind === 'allocator' ? read(p, i) : null)).filter(Boolean);
    if (allocators.length > 0) {
      args.push(`{ ${allocators.map((a, i) => `allocator${allocators.length > 1 ? i + 1 : ''}: ${a}`).join(', ')} }`);
    }
    const names = ['read', ...params.map((_, i) => `t${i}`)];
    const call = new Function(...names, `return (fn, dv, at) => fn(${args.join(', ')});`)(readArgument, ...params);
    const plan = {
      call,
      name,
      ret: this.types[callback.ret.type],
      holdsPointers: pointerOf(this.types[callback.ret.type]) !== null,
      retOffset: callback.ret.offset,
      resultWhere: `${name} (the JS function's result)`,
    };
    this.plans.set(caller, plan);
    return plan;
  }

  /**
   * What a JS function that threw gives Zig: its error, when the result is
   * an error union whose set has it; otherwise the error is reported and
   * the trampoline decides (error.Unexpected where it can, else zeros).
   */
  failed(ret, view, offset, err, name) {
    if (ret.kind === 'error_union') {
      try {
        ret.write(view(), offset, err, name);
        return Status.done;
      } catch {
        // Not an error of this set: reported below.
      }
    }
    console.error(err);
    return Status.failed;
  }
}

/**
 * Refuses a result that would point Zig at JS memory, which the garbage
 * collector may take while Zig still holds the pointer: a JS function
 * returns memory from an allocator or from Zig instead.
 */
function refuseJsMemory(type, value, where) {
  const pointer = pointerOf(type);
  if (!pointer || pointer.pointer.handle || value === null || value === undefined || value instanceof Error) return;
  const { buffer } = pointer.target(value, where);
  if (isZigMemory(buffer) || trackerOf(buffer)) return;
  throw new TypeError(`${where}: ${type.name} cannot point at JS memory, which Zig could keep after it is gone; `
    + 'return memory from an allocator (allocator.dupe()) or from Zig');
}

/** The pointer or slice type a result of `type` is or holds directly, or null. */
function pointerOf(type) {
  if (type.kind === 'optional') return pointerOf(type.child);
  if (type.kind === 'error_union') return pointerOf(type.payload);
  return type.pointer && type.target ? type : null;
}

/**
 * An argument as the JS function receives it: a scalar as its value, a
 * pointer as what it points at, and a struct, array or other value in
 * memory as a copy, since the frame is gone once the call returns.
 */
export function readArgument(type, dv, offset) {
  // The runtime's copy of a frame is the argument's own memory already
  // (WebAssembly memory, also Zig's, holds the frame itself).
  const copied = isZigMemory(dv.buffer) && !trackerOf(dv.buffer);
  if (type.inline?.get || type.size === 0 || type.pointer || copied) return type.read(dv, offset);
  const bytes = new Uint8Array(dv.buffer, dv.byteOffset + offset, type.size).slice();
  return type.read(new DataView(bytes.buffer), 0);
}
