// A native library as runtime/module.js uses it: the addon's ZigModule
// behind the interface the WebAssembly host (../wasm/host.js) also offers.
import { addon } from './addon.js';
import { flushConsole } from './console.js';
import { frames } from './frames.js';
import { makeFunction } from '../calls/function.js';
import { makePointerFunction } from '../calls/pointer-call.js';

/** Opens the compiled library at `path` on this thread. */
export function openNativeHost(path) {
  const native = addon.ZigModule.open(path);
  return {
    descriptor: native.descriptor,
    errorName: (code) => native.errorName(code),
    /** A function giving the DataView of storage slot `slot`. */
    storage(slot) {
      const dv = new DataView(native.storage(slot));
      return () => dv;
    },
    /** The JS function for function `index` of the descriptor. */
    callable(fn, index, types) {
      const id = native.bindFunction(index);
      const pointers = fn.params.map((p) => types[p.type].pointer).filter(Boolean);
      const allocates = fn.params.some((p) => types[p.type].hidden);
      const simple = pointers.length <= 1 && !pointers.some((p) => p.holdsPointers) && !types[fn.ret.type].pointer
        && !allocates;
      const make = simple ? makeFunction : makePointerFunction;
      return make(fn, types, frames, id, flushConsole);
    },
  };
}
