// `__zigar`, the special export Zigar gives every module, so that JS written
// for Zigar finds it: `init()`, `sizeOf`/`alignOf`/`typeOf` of the module's
// types, and the members that change how the module runs: `abandon()`,
// `on('log')`, `redirect()` of stdout/stderr and `set('env')` (each in its
// own file; docs/zigar-special-export.md says what zigport supports).
import { listen } from './module-events.js';
import { redirect } from './output-redirect.js';
import { setObject } from './env-variables.js';

/** What `typeOf` answers, by descriptor kind (Zigar's names). */
const KIND_NAMES = {
  int: 'primitive', float: 'primitive', bool: 'primitive', void: 'primitive',
  optional: 'optional', error_union: 'error union', error_set: 'error set', enum: 'enum',
  pointer: 'pointer', slice: 'slice', opaque: 'opaque', function_pointer: 'pointer', function: 'function',
  comptime_int: 'comptime', comptime_float: 'comptime', null: 'comptime', undefined: 'comptime', enum_literal: 'comptime',
};

/**
 * The `__zigar` object of a module whose types are `types`; `ready` settles
 * once it can be called. `module` is what the other members act on: its
 * `output` (console.js), `env` (env-variables.js), whether it is `wasm`,
 * and `abandon()`.
 */
export function specialExport(types, ready, module) {
  // Looked up when asked: scalar classes are made on first use.
  const typeOf = (T, member) => {
    const type = typeof T === 'function' && types.find((t) => Object.hasOwn(t, 'constructor') && t.constructor === T);
    if (!type) throw new TypeError(`__zigar.${member}(): not a Zig type of this module`);
    return type;
  };
  return Object.freeze({
    init: () => ready,
    sizeOf: (T) => typeOf(T, 'sizeOf').size,
    alignOf: (T) => typeOf(T, 'alignOf').align,
    typeOf(T) {
      const type = typeOf(T, 'typeOf');
      if (type.kind === 'array') return type.vector ? 'vector' : 'array';
      if (type.kind === 'struct') return type.union ? 'union' : 'struct';
      return KIND_NAMES[type.kind] ?? type.kind;
    },
    abandon: () => module.abandon(),
    on: (event, listener) => listen(module.output, event, listener),
    redirect: (name, stream) => redirect(module.output, name, stream),
    set: (name, value) => setObject(module.env, module.wasm, name, value),
  });
}
