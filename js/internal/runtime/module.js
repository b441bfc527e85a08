// Loads a compiled module and builds what JS sees of it: one function per
// Zig function, constants as values, and a namespace object (the default
// export) whose properties read and write Zig variables in place.
import { addon } from './addon.js';
import { flushConsole } from './console.js';
import { frames } from './frames.js';
import { buildTypes } from '../types/index.js';
import { comptimeValue } from '../types/comptime.js';
import { makeFunction } from '../calls/function.js';
import { makePointerFunction } from '../calls/pointer-call.js';
import { ZigError, readOnlyError, unsupportedError } from '../errors.js';

const loaded = new Map();

/**
 * The loaded module at `libraryPath` (a compiled .so), loaded once per
 * thread: `{ exports, namespace }`, where `exports` maps every name that is
 * also a named ES export to its value.
 */
export function loadModule(libraryPath) {
  let module = loaded.get(libraryPath);
  if (!module) {
    module = buildModule(addon.ZigModule.open(libraryPath));
    loaded.set(libraryPath, module);
  }
  return module;
}

function buildModule(native) {
  const descriptor = JSON.parse(native.descriptor);
  const errorFor = errorLookup(native);
  const types = buildTypes(descriptor, errorFor);
  const exports = {};
  const namespace = {};
  descriptor.functions.forEach((fn, index) => {
    const id = native.bindFunction(index);
    const pointers = fn.params.map((p) => types[p.type].pointer).filter(Boolean);
    const simple = pointers.length <= 1 && !pointers.some((p) => p.holdsPointers) && !types[fn.ret.type].pointer;
    const make = simple ? makeFunction : makePointerFunction;
    const callable = make(fn, types, frames, id, flushConsole);
    if (fn.owner !== null && fn.owner !== undefined) return attachMethod(types, fn, callable);
    exports[fn.name] = callable;
    return define(namespace, fn.name, { value: callable }, readOnly(fn.name));
  });
  for (const c of descriptor.constants) {
    exports[c.name] = comptimeValue(descriptor.types[c.type], c.value);
    define(namespace, c.name, { value: exports[c.name] }, readOnly(c.name));
  }
  for (const t of descriptor.type_decls ?? []) {
    exports[t.name] = types[t.type].constructor;
    define(namespace, t.name, { value: exports[t.name] }, readOnly(t.name));
  }
  for (const v of descriptor.variables) defineVariable(namespace, exports, v, types[v.type], native);
  for (const u of descriptor.unsupported) {
    const fail = () => { throw unsupportedError(u.name, u.reason); };
    define(namespace, u.name, { get: fail, set: fail });
  }
  Object.preventExtensions(namespace);
  return { exports, namespace };
}

/**
 * A function declared in a struct: `Type.name(...)`, and `value.name(...)`
 * when its first parameter is the struct or a pointer to it.
 */
function attachMethod(types, fn, callable) {
  const owner = types[fn.owner];
  const Class = owner.constructor;
  if (fn.name !== 'prototype') Object.defineProperty(Class, fn.name, { value: callable, configurable: true });
  const first = fn.params[0] && types[fn.params[0].type];
  const self = first && (first === owner || types[first.child] === owner);
  if (!self || Object.hasOwn(Class.prototype, fn.name)) return;
  Object.defineProperty(Class.prototype, fn.name, {
    value: { [fn.name](...args) { return callable(this, ...args); } }[fn.name],
    configurable: true,
  });
}

/**
 * A `pub var` reads and writes Zig's memory in place; a `pub const` is read
 * from a copy and refuses writes (also to its fields).
 */
function defineVariable(namespace, exports, v, type, native) {
  const dv = new DataView(native.storage(v.slot));
  const object = typeof type.view === 'function' ? type.view(dv, 0, !v.mutable) : undefined;
  if (v.mutable) {
    define(namespace, v.name, {
      get: object ? () => object : () => type.read(dv, 0),
      set: (value) => type.write(dv, 0, value, v.name),
    });
  } else {
    exports[v.name] = object ?? type.read(dv, 0);
    define(namespace, v.name, { value: exports[v.name] }, readOnly(v.name));
  }
}

/** A property whose writes fail with `onWrite` (or an accessor pair). */
function define(target, name, { value, get, set }, onWrite) {
  const descriptor = get
    ? { get, set, enumerable: true }
    : { get: () => value, set: onWrite, enumerable: true };
  Object.defineProperty(target, name, descriptor);
}

function readOnly(name) {
  return () => { throw readOnlyError(name); };
}

/** Error code -> ZigError, one object per error name in this module. */
function errorLookup(native) {
  const byCode = new Map();
  return (code) => {
    let error = byCode.get(code);
    if (!error) {
      error = new ZigError(native.errorName(code), code);
      byCode.set(code, error);
    }
    return error;
  };
}
