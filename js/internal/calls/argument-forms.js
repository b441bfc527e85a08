// The argument lists a Zig function takes besides its own parameter list,
// as Zigar has them: a trailing struct parameter whose every field has a
// default may be left out (its defaults are used), and a function whose
// parameters include ones the runtime supplies (a `std.mem.Allocator`, the
// zigar module's promises, generators and abort signals) takes one more
// argument, an options object. `length` counts only the parameters JS passes.
import { typeMismatch } from '../errors.js';
import { callWithAllocator } from '../types/allocator.js';
import { callWithAsyncParams } from './async-params.js';

/** The option each special parameter takes its value from. */
const OPTION_OF_ROLE = { promise: 'callback', generator: 'callback', abort_signal: 'signal' };

/**
 * `callable`, wrapped when `fn` has such forms, with `length` set either
 * way. `host` gives memory for abort signals and keeps the process alive
 * for Zig threads (see async-params.js).
 */
export function withArgumentForms(fn, types, callable, host) {
  const visible = fn.params.filter((p) => !types[p.type].hidden);
  const n = visible.length;
  const omittable = n > 0 && allFieldsDefault(types[visible[n - 1].type]);
  const takesOptions = visible.length < fn.params.length;
  const roles = fn.params.map((p) => types[p.type].role).filter(Boolean);
  const known = new Set(['allocator', ...roles.map((r) => OPTION_OF_ROLE[r])]);
  const asyncCall = {
    name: fn.name,
    roles,
    returnsValue: hasResult(types[fn.ret.type]),
    cells: () => host.abortCell(),
    keepAlive: (on) => host.keepAlive(on),
  };
  let made = callable;
  if (omittable || takesOptions) {
    made = {
      [fn.name](...args) {
        let options;
        if (omittable && args.length === n - 1) args.push({});
        else if (takesOptions && args.length === n + 1) options = checkOptions(fn.name, args.pop(), known);
        const run = options?.allocator === undefined
          ? () => callable(...args)
          : () => callWithAllocator(options.allocator, () => callable(...args), `${fn.name}(options.allocator)`);
        return roles.length > 0 ? callWithAsyncParams(asyncCall, options, run) : run();
      },
    }[fn.name];
  }
  Object.defineProperty(made, 'length', { value: n });
  return made;
}

/** Whether a function returning `type` gives a value (not `void` nor `E!void`). */
function hasResult(type) {
  return type.kind !== 'void' && !(type.kind === 'error_union' && type.payload.kind === 'void');
}

/** Whether `type` is a struct (not a union) whose every field has a default. */
function allFieldsDefault(type) {
  if (type.kind !== 'struct' || type.union) return false;
  return type.fields.every((f) => f.comptime || 'default' in f);
}

/** `options`, checked to be an object whose keys are all `known`. */
function checkOptions(name, options, known) {
  const where = `${name}(options)`;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw typeMismatch(where, 'call options', 'an object', options);
  }
  for (const key of Object.keys(options)) {
    if (options[key] === undefined || known.has(key)) continue;
    const takes = [...known].map((k) => `"${k}"`).join(', ');
    throw new TypeError(`${where}: unknown option "${key}" (${name} takes ${takes})`);
  }
  return options;
}
