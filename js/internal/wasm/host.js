// A WebAssembly module as runtime/module.js uses it (the interface of
// ../runtime/native-host.js): functions are called through the exporter's
// dispatcher on frames in wasm memory; variables are views of wasm memory
// that follow it when it grows; a panic or trap becomes a JS exception and
// the instance stays usable. Once the module is abandoned, every call
// throws instead.
import { makeFunction } from '../calls/function.js';
import { valueType } from '../calls/pointer-call.js';
import { WasiExit } from './wasi.js';
import { makeWasmPointerFunction } from './pointer-call.js';
import { makeDirectFunction } from './direct-call.js';
import { hasSingleTarget, makeSingleTargetFunction } from './single-target-call.js';
import { NO_TIES, Ties } from './ties.js';
import { ScratchStack } from './scratch-stack.js';
import { abandonedError } from '../errors.js';
import { ModuleCallbacks } from '../calls/callbacks.js';

/** Frees what a collected object held in wasm memory (its abort cell). */
const cellRegistry = new FinalizationRegistry((free) => free());

/** Bytes of wasm memory set aside for copies of small arguments, and their alignment. */
const SCRATCH_SIZE = 64 * 1024;
const SCRATCH_STACK_ALIGN = 4096;
/** Bytes of wasm memory set aside for call frames. */
const ARENA_SIZE = 64 * 1024;
const ARENA_ALIGN = 64;

/**
 * The host of `instance` (a checked WasmInstance, made with `system`: its
 * output, runtime/console.js, and environment, runtime/env-variables.js).
 * `pages`, where given, maps memory for ties (see ties.js).
 */
export function openWasmHost(instance, system, { pages = null } = {}) {
  const descriptor = JSON.parse(instance.descriptorJson);
  const frames = wasmFrames(instance, system.output);
  const ties = pages ? new Ties(instance, pages) : NO_TIES;
  const scratch = new ScratchStack(instance.alloc(SCRATCH_SIZE, SCRATCH_STACK_ALIGN), SCRATCH_SIZE);
  instance.memory.instance = instance;
  instance.memory.ties = ties;
  return {
    descriptor: instance.descriptorJson,
    errorName: (code) => instance.errorName(code),
    // Zig records no return addresses in WebAssembly (every entry of an
    // error return trace is 0): there is no trace to show.
    errorTraces: null,
    storage: (slot, mutable, holdsPointers) => storageView(instance, descriptor, slot, holdsPointers),
    callable(fn, index, types) {
      if (fn.frame.size + fn.frame.align > ARENA_SIZE) {
        throw new Error(`function ${fn.name} needs a ${fn.frame.size}-byte call frame; the argument arena holds ${ARENA_SIZE}`);
      }
      frames.names.set(fn.thunk, fn.name);
      const direct = instance.exports[`zigport_direct_${fn.thunk}`];
      if (direct) return makeDirectFunction(fn, types, direct, frames);
      const slots = instance.layout.functions[index];
      // Pointers in by-value parameters are frame slots too; pointers inside
      // a result by value are read after the call.
      const plain = slots.params.length === 0 && slots.result === null && !fn.params.some((p) => types[p.type].hidden)
        && valueType(types[fn.ret.type]).places.length === 0;
      if (plain) return makeFunction(fn, types, frames, fn.thunk, () => system.output.endCall());
      const context = { instance, frames, slots, ties, scratch };
      if (hasSingleTarget(fn, types, slots)) return makeSingleTargetFunction(fn, types, context);
      return makeWasmPointerFunction(fn, types, context);
    },
    /** Nothing to do: a WebAssembly module runs on its JS thread only. */
    keepAlive() {},
    /** A fresh i32 for an abort signal parameter, freed once JS lets go of it. */
    abortCell() {
      const address = instance.alloc(4, 4);
      const cell = { address, get view() { return new Int32Array(instance.memory.dv.buffer, address, 1); } };
      new Int32Array(instance.memory.dv.buffer, address, 1)[0] = 0;
      cellRegistry.register(cell, () => instance.free(address, 4, 4));
      return cell;
    },
    /**
     * What runs the JS functions Zig calls through function pointers: the
     * trampolines of each function type are numbered slots this host hands out.
     */
    callbacks(descriptor, types) {
      if (!descriptor.functions.some((fn) => fn.callback)) return null;
      const free = new Map();
      const callbacks = new ModuleCallbacks(descriptor, types, {
        bind(caller) {
          if (!free.has(caller)) free.set(caller, [...Array(descriptor.functions[caller].callback.slots).keys()].reverse());
          const slot = free.get(caller).pop();
          if (slot === undefined) return null;
          return { slot, address: instance.exports.zigport_callback_address(caller, slot) >>> 0 };
        },
        release: (caller, slot) => free.get(caller).push(slot),
      });
      instance.onCallback = (caller, slot, frame) => callbacks.run(caller, slot, () => instance.memory.dv, frame);
      instance.onRelease = (address) => callbacks.release(address);
      return callbacks;
    },
    /** Makes every later call throw; the memory stays, unwatched, for what still views it. */
    abandon() {
      frames.abandoned = true;
      instance.memory.close();
    },
  };
}

/**
 * The call-frame stack in wasm memory, with the interface of
 * ../runtime/frames.js plus `movable`: `dv` is replaced when memory grows;
 * `output`, where calls print; `abandoned`, set when no call may run.
 */
function wasmFrames(instance, output) {
  const { exports, memory } = instance;
  // With no call running, the shadow stack pointer is always here; a trap
  // leaves it lower, so it is put back.
  const restingStack = instance.stackPointer;
  const top = instance.alloc(ARENA_SIZE, ARENA_ALIGN);
  const failure = (err, name) => callFailure(instance, restingStack, err, name);
  const frames = {
    movable: true,
    abandoned: false,
    /** The name of each function by its thunk (the id in header[1]), for errors. */
    names: new Map(),
    output,
    dv: memory.dv,
    header: new Uint32Array(8),
    top,
    memory,
    failure,
    /** Runs the function the header names on the frame it names. */
    invoke() {
      if (frames.abandoned) throw abandonedError();
      try {
        exports.zigport_call(frames.header[1], frames.header[0]);
      } catch (err) {
        throw failure(err, frames.names.get(frames.header[1]));
      }
      memory.sync();
      // What Zig printed went out through fd_write; an unfinished line waits for the wrapper.
      return output.partialLine ? true : undefined;
    },
  };
  memory.onGrowth.push(() => { frames.dv = memory.dv; });
  return frames;
}

/**
 * The exception for a call to function `name` that did not return: a Zig
 * panic (its message, code ZIG_PANIC, as in native mode), a stack overflow
 * (code ZIG_STACK_OVERFLOW, as in native mode), exit(), or another trap.
 * The instance's stack and per-call memory are reset so the next call works.
 */
function callFailure(instance, restingStack, err, name = 'a Zig function') {
  const overflowed = isStackOverflow(instance, restingStack, err);
  instance.stackPointer = restingStack;
  instance.exports.zigport_release_call_memory();
  instance.memory.sync();
  const message = instance.panicMessage;
  instance.panicMessage = null;
  if (message !== null) return Object.assign(new Error(`Zig panicked: ${message}`), { code: 'ZIG_PANIC' });
  if (overflowed) return stackOverflowError(name);
  if (err instanceof WasiExit || !(err instanceof WebAssembly.RuntimeError)) return err;
  return Object.assign(new Error(`Zig code trapped: ${err.message}`), { code: 'ZIG_TRAP' });
}

/**
 * Whether `err` ended a call because a stack ran out: the engine's own
 * (its RangeError), or the shadow stack in linear memory, which lies first
 * in memory, so that running out wraps its pointer below address 0 and the
 * next store traps.
 */
function isStackOverflow(instance, restingStack, err) {
  if (err instanceof RangeError) return /call stack size/.test(err.message);
  return err instanceof WebAssembly.RuntimeError && instance.stackPointer >>> 0 > restingStack >>> 0;
}

/** A RangeError naming the function whose call ran out of stack. */
function stackOverflowError(name) {
  const where = name === 'a Zig function' ? name : `${name}()`;
  return Object.assign(new RangeError(`Zig stack overflow in ${where}`), { code: 'ZIG_STACK_OVERFLOW' });
}

/**
 * A function giving the DataView of storage slot `slot`: a view of wasm
 * memory for a variable (re-made after growth), a copy for a constant.
 */
function storageView(instance, descriptor, slot, holdsPointers) {
  const variable = descriptor.variables.find((v) => v.slot === slot);
  const found = variable && instance.storage(slot);
  if (!found) throw new Error(`module has no storage slot #${slot}`);
  const expected = descriptor.types[variable.type].size;
  if (found.size !== expected) {
    throw new Error(`storage slot #${slot} holds ${found.size} bytes but its type needs ${expected}`);
  }
  const { memory } = instance;
  // Zig gives a zero-sized value any address, even one past the memory's end.
  if (found.size === 0) {
    const empty = new DataView(new ArrayBuffer(0));
    return () => empty;
  }
  // A constant is read from a copy, but one holding pointers is read in
  // place: JS follows its addresses in the memory they belong to.
  if (!variable.mutable && !holdsPointers) {
    const copy = new DataView(memory.bytes(found.address, found.size).slice().buffer);
    return () => copy;
  }
  let generation = -1;
  let dv = null;
  return () => {
    if (generation !== memory.generation) {
      generation = memory.generation;
      dv = memory.view(found.address, found.size);
    }
    return dv;
  };
}
