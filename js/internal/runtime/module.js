// Builds what JS sees of a loaded module: one function per Zig function,
// constants as values, and a namespace object (the default export) whose
// properties read and write Zig variables in place. What differs between a
// native library and a WebAssembly module is behind a host
// (native-host.js, ../wasm/host.js) with one interface; how a module is
// found and opened is the caller's (../loader/ in Node, ../../web.js
// elsewhere). Each module has its own output and environment, and can be
// abandoned (`__zigar`).
import { buildTypes } from '../types/index.js';
import { moduleErrors } from '../types/error-set.js';
import { errorStacks } from '../types/error-stack.js';
import { AccessorTable, recordAccessor } from './accessors.js';
import { defineNamespaceForms } from './namespace.js';
import { withArgumentForms } from '../calls/argument-forms.js';
import { specialExport } from './special-export.js';
import { fixedValue } from '../types/comptime.js';
import { classOfType } from '../types/scalar-class.js';
import { withMetaResult } from '../types/meta-reads.js';
import { unsupportedError } from '../errors.js';
import { define, readOnly } from './properties.js';
import { defineVariable, storedConstant } from './variables.js';
import { makeAssignable } from '../types/function-pointer.js';

/**
 * `{ exports, namespace }` of the module `host` opened, where `exports`
 * maps every name that is also a named ES export to its value; `system` is
 * the module's `{ output, env }`, `wasm` whether it is WebAssembly.
 */
export function buildModule(host, wasm, system) {
  const descriptor = JSON.parse(host.descriptor);
  // A module built with `useRedirection=false` prints to the real stdout and stderr.
  system.output.direct = descriptor.redirection === false;
  // What comptime values may hold (`held`: types and functions by index),
  // and the functions the exporter adds for the runtime, by role; both are
  // read only once the module has made them all.
  const functions = [];
  // `callbacks`: what binds JS functions to function pointers, made once the types are.
  const roles = { caller: [], alloc: null, free: null, callbacks: null };
  const held = {
    type: (i) => types[i],
    function: (i) => functions[i],
    stored: (slot) => {
      const v = descriptor.variables.find((d) => d.slot === slot);
      return storedConstant(v, types[v.type], host);
    },
  };
  // A build with runtime safety gives each throw of a Zig error a stack of
  // its own, led by Zig's error return trace where the host has one; a fast
  // build throws the shared error as it is, at no cost.
  const restack = descriptor.runtime_safety ? errorStacks(host.errorTraces) : null;
  const errors = moduleErrors(descriptor.types, (code) => host.errorName(code), restack);
  const types = buildTypes(descriptor, errors, { held, roles });
  roles.callbacks = host.callbacks(descriptor, types);
  const exports = {};
  const namespace = {};
  const accessors = new AccessorTable();
  // Where the module keeps the address of a function that function pointers can hold.
  const addressSlots = new Map(descriptor.variables.filter((v) => v.hidden && v.function != null).map((v) => [v.function, v.slot]));
  descriptor.functions.forEach((fn, index) => {
    const callable = withMetaResult(withArgumentForms(fn, types, host.callable(fn, index, types), host), fn.meta);
    functions[index] = callable;
    if (!fn.role) makeAssignable(callable, addressSlots.has(index) ? () => held.stored(addressSlots.get(index)) : null);
    // Not declarations: how function pointers of one type are called, how
    // JS allocates with a Zig allocator, and functions only a comptime
    // value holds (`pub const ops = .{ add }`), reached through it.
    if (fn.role === 'caller') return void (roles.caller[index] = callable);
    if (fn.role) return void (roles[fn.role] = callable);
    if (fn.hidden) return undefined;
    recordAccessor(accessors, accessorShape(types, fn, callable), callable, accessorHomes(types, fn, namespace));
    if (fn.owner !== null && fn.owner !== undefined) return attachMethod(types, fn, callable);
    exports[fn.name] = callable;
    return define(namespace, fn.name, { value: callable }, readOnly(fn.name));
  });
  // Declarations inside a struct go on its class (`Point.origin`); the
  // module's own go on the namespace and, when constant, the named exports.
  const home = (d) => (d.owner === null || d.owner === undefined
    ? { object: namespace, exports, prefix: '' }
    : { object: classOfType(types[d.owner]), exports: {}, prefix: `${classOfType(types[d.owner]).name}.` });
  for (const c of descriptor.constants) {
    const { object, exports: named, prefix } = home(c);
    named[c.name] = fixedValue(types[c.type], c.value, held, prefix + c.name);
    define(object, c.name, { value: named[c.name] }, readOnly(prefix + c.name));
  }
  for (const t of descriptor.type_decls ?? []) {
    const { object, exports: named, prefix } = home(t);
    named[t.name] = classOfType(types[t.type]);
    define(object, t.name, { value: named[t.name] }, readOnly(prefix + t.name));
  }
  // What abandon() does to each `pub var`: move it into JS memory.
  const detachers = [];
  for (const v of descriptor.variables) {
    // A comptime field's memory: its struct reads it (see held.stored).
    if (v.hidden) continue;
    const { object, exports: named } = home(v);
    const detach = defineVariable(object, named, v, types[v.type], host);
    if (detach) detachers.push(detach);
  }
  for (const u of descriptor.unsupported) {
    const fail = () => { throw unsupportedError(home(u).prefix + u.name, u.reason); };
    define(home(u).object, u.name, { get: fail, set: fail });
  }
  accessors.defineAll(readOnly);
  // Instantiated already: a WebAssembly module is ready at once, as a native one is.
  let abandoned = false;
  const abandon = () => {
    if (abandoned) return;
    abandoned = true;
    // Variables are copied first: reading them may still need the module's memory.
    for (const detach of detachers) detach();
    roles.callbacks?.releaseAll();
    host.abandon();
  };
  exports.__zigar = specialExport(types, wasm ? Promise.resolve() : undefined, { ...system, wasm, abandon });
  defineNamespaceForms(namespace, descriptor.unsupported.filter((u) => u.owner == null).map((u) => u.name));
  Object.preventExtensions(namespace);
  return { exports, namespace };
}

/**
 * What decides whether `fn` is an accessor: its name, what JS passes (the
 * `length` withArgumentForms gave `callable`), and whether it takes `self`.
 */
function accessorShape(types, fn, callable) {
  return { name: fn.name, visible: callable.length, hasSelf: fn.owner != null && takesSelf(types, fn) };
}

/** Where an accessor function's property goes: the namespace, or its type and the type's instances. */
function accessorHomes(types, fn, namespace) {
  if (fn.owner == null) return { home: namespace, prototype: null };
  const Class = types[fn.owner].constructor;
  return { home: Class, prototype: Class.prototype };
}

/** Whether a function declared in a type takes an instance of it (or a pointer to one) first. */
function takesSelf(types, fn) {
  const owner = types[fn.owner];
  const first = fn.params[0] && types[fn.params[0].type];
  return Boolean(first && (first === owner || types[first.child] === owner));
}


/**
 * A function declared in a struct: `Type.name(...)`, and `value.name(...)`
 * when its first parameter is the struct or a pointer to it.
 */
function attachMethod(types, fn, callable) {
  const owner = types[fn.owner];
  const Class = owner.constructor;
  if (fn.name !== 'prototype') Object.defineProperty(Class, fn.name, { value: callable, configurable: true });
  if (!takesSelf(types, fn) || Object.hasOwn(Class.prototype, fn.name)) return;
  Object.defineProperty(Class.prototype, fn.name, {
    value: { [fn.name](...args) { return callable(this, ...args); } }[fn.name],
    configurable: true,
  });
}
