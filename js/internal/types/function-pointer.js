// Zig function pointers (`*const fn (i32) i32`, and optional ones) as JS
// values. In memory such a pointer is an address; JS sees a function that
// calls it through the caller of its function type (a thunk the exporter
// makes per type, taking the address as one more argument). Reading the same
// address gives the same JS function, and a function read from Zig, or one
// the module exports, can be assigned to any pointer of its type.
import { argumentCountError, typeMismatch, unsupportedError } from '../errors.js';

/** What a function read from Zig memory carries: its address and the caller of its type. */
const ADDRESS = Symbol('zigport.functionAddress');
const CALLER = Symbol('zigport.functionCaller');
/** What an exported Zig function carries: the function pointer to it, read on first use. */
const AS_POINTER = Symbol('zigport.functionAsPointer');

/**
 * Lets exported function `callable` be assigned to function pointers of its
 * type: `readPointer()` reads the pointer to it the module keeps, which it
 * keeps only when some pointer in the module has its type (else null).
 */
export function makeAssignable(callable, readPointer) {
  let pointer;
  Object.defineProperty(callable, AS_POINTER, { get: () => (pointer ??= readPointer?.() ?? null) });
}

/**
 * Builds the converter for a `function_pointer` type descriptor; `callerOf(index)`
 * gives the callable of caller function `index` once the module is built.
 */
export function functionPointerType(t, callerOf, callbacksOf) {
  const word = t.size;
  const made = new Map();
  const functionAt = (address) => {
    // A trampoline reads back as the JS function bound to it.
    const bound = callbacksOf()?.functionAt(address);
    if (bound) return bound;
    let fn = made.get(address);
    if (!fn) made.set(address, (fn = zigFunction(t, address, callerOf)));
    return fn;
  };
  return {
    ...t,
    read(dv, offset) {
      const address = word === 8 ? Number(dv.getBigUint64(offset, true)) : dv.getUint32(offset, true);
      return address === 0 && t.nullable ? null : functionAt(address);
    },
    normalize(value, where) {
      if ((value === null || value === undefined) && t.nullable) return null;
      if (typeof value !== 'function') {
        throw typeMismatch(where, t.name, t.nullable ? 'a function or null' : 'a function', value);
      }
      if (value[CALLER] === undefined && value[AS_POINTER] !== undefined) {
        // An exported function no pointer of the module could hold is of another type.
        if (value[AS_POINTER] === null) throw typeMismatch(where, t.name, `a function of type ${t.name}`, value);
        value = value[AS_POINTER];
      }
      // A JS function (bound to a trampoline when written), or a Zig one of this type.
      if (value[CALLER] === undefined || value[CALLER] === t.caller) return value;
      throw typeMismatch(where, t.name, `a function of type ${t.name}`, value);
    },
    write(dv, offset, value, where) {
      const fn = this.normalize(value, where);
      const address = fn === null ? 0 : fn[ADDRESS] ?? this.bind(fn, where);
      if (word === 8) dv.setBigUint64(offset, BigInt(address), true);
      else dv.setUint32(offset, address, true);
    },
    /** The address of the trampoline that runs JS function `fn`. */
    bind(fn, where) {
      const callbacks = callbacksOf();
      if (t.caller === null || callbacks === null) {
        const why = t.caller === null ? t.problem : 'the module makes no trampolines for it';
        throw new TypeError(`${where}: a JS function cannot stand in for ${t.name.replace(/^\?/, '')}: ${why}`);
      }
      return callbacks.addressOf(t.caller, fn, where);
    },
    inline: null,
  };
}

/** The JS function that calls the Zig function at `address`. */
function zigFunction(t, address, callerOf) {
  const name = t.name.replace(/^\?/, '');
  if (t.caller === null) {
    const refuse = () => { throw unsupportedError(name, `JS cannot call it: ${t.problem}`); };
    return Object.assign(refuse, { [ADDRESS]: address, [CALLER]: null });
  }
  // Memory never set (zeros) where Zig promises a function: calling it
  // would jump to address 0, so the call is refused instead.
  if (address === 0) {
    const refuse = () => { throw new TypeError(`${name}: the pointer is 0 (its memory was never set), there is no function to call`); };
    return Object.assign(refuse, { [ADDRESS]: address, [CALLER]: t.caller });
  }
  const caller = callerOf(t.caller);
  // The caller's last parameter is the address, which JS does not pass.
  const count = caller.length - 1;
  const fn = {
    [name](...args) {
      if (args.length !== count) throw argumentCountError(name, count, args.length);
      return caller(...args, address);
    },
  }[name];
  Object.defineProperty(fn, 'length', { value: count });
  Object.defineProperties(fn, { [ADDRESS]: { value: address }, [CALLER]: { value: t.caller } });
  return fn;
}
