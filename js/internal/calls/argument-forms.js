// The argument lists a Zig function takes besides its own parameter list,
// as Zigar has them: a trailing struct parameter whose every field has a
// default may be left out (its defaults are used), and a function whose
// parameters include ones the runtime supplies (a `std.mem.Allocator`)
// takes one more argument, an options object. `length` counts only the
// parameters JS passes.
import { typeMismatch } from '../errors.js';
import { callWithAllocator } from '../types/allocator.js';

/** Option keys a call understands, and why it cannot honour the others yet. */
const UNSUPPORTED_OPTIONS = {
  callback: 'promises and callbacks are not supported yet',
  signal: 'abort signals are not supported yet',
};

/** `callable`, wrapped when `fn` has such forms, with `length` set either way. */
export function withArgumentForms(fn, types, callable) {
  const visible = fn.params.filter((p) => !types[p.type].hidden);
  const n = visible.length;
  const omittable = n > 0 && allFieldsDefault(types[visible[n - 1].type]);
  const takesOptions = visible.length < fn.params.length;
  let made = callable;
  if (omittable || takesOptions) {
    made = {
      [fn.name](...args) {
        if (omittable && args.length === n - 1) args.push({});
        else if (takesOptions && args.length === n + 1) {
          const { allocator } = checkOptions(fn.name, args.pop());
          if (allocator !== undefined) return callWithAllocator(allocator, () => callable(...args), `${fn.name}(options.allocator)`);
        }
        return callable(...args);
      },
    }[fn.name];
  }
  Object.defineProperty(made, 'length', { value: n });
  return made;
}

/** Whether `type` is a struct (not a union) whose every field has a default. */
function allFieldsDefault(type) {
  if (type.kind !== 'struct' || type.union) return false;
  return type.fields.every((f) => f.comptime || 'default' in f);
}

function checkOptions(name, options) {
  const where = `${name}(options)`;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw typeMismatch(where, 'call options', 'an object', options);
  }
  for (const key of Object.keys(options)) {
    if (options[key] === undefined || key === 'allocator') continue;
    const why = UNSUPPORTED_OPTIONS[key];
    throw new TypeError(why ? `${where}: "${key}" is not supported: ${why}` : `${where}: unknown option "${key}"`);
  }
  return options;
}
