// `__zigar`, the special export Zigar gives every module, so that JS written
// for Zigar finds it: `init()`, and `sizeOf`/`alignOf`/`typeOf` of the
// module's types. The members that change how the module runs (`abandon`,
// `set`, `on`, `redirect`) are not available yet and say so when called.
import { unsupportedError } from '../errors.js';

/** What `typeOf` answers, by descriptor kind (Zigar's names). */
const KIND_NAMES = {
  int: 'primitive', float: 'primitive', bool: 'primitive', void: 'primitive',
  optional: 'optional', error_union: 'error union', error_set: 'error set', enum: 'enum',
  pointer: 'pointer', slice: 'slice', opaque: 'opaque',
  comptime_int: 'comptime', comptime_float: 'comptime', null: 'comptime', undefined: 'comptime', enum_literal: 'comptime',
};

/** The `__zigar` object of a module whose types are `types`; `ready` settles once it can be called. */
export function specialExport(types, ready) {
  // Looked up when asked: scalar classes are made on first use.
  const typeOf = (T, member) => {
    const type = typeof T === 'function' && types.find((t) => Object.hasOwn(t, 'constructor') && t.constructor === T);
    if (!type) throw new TypeError(`__zigar.${member}(): not a Zig type of this module`);
    return type;
  };
  const notYet = (member, what) => () => { throw unsupportedError(`__zigar.${member}()`, `${what} is not supported yet`); };
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
    abandon: notYet('abandon', 'abandoning a module'),
    set: notYet('set', 'setting the environment Zig sees'),
    on: notYet('on', 'listening to module events'),
    redirect: notYet('redirect', 'redirecting a module\'s standard streams'),
  });
}
