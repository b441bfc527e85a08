// Call signatures of Zig functions as JS sees them (calls/function.js and
// calls/argument-forms.js): one parameter per Zig parameter JS passes, a
// trailing struct of defaults that may be left out, an options object for
// the parameters the runtime fills (allocator, promise, generator, abort
// signal), and what the call returns: its result, or a promise or async
// iterator when Zig delivers the result through a zigar parameter.
import { group, unknown } from './fragments.js';

/** The option each special parameter takes its value from (argument-forms.js). */
const OPTION_OF_ROLE = { promise: 'callback', generator: 'callback', abort_signal: 'signal' };

/**
 * Makes `signatures(fn, { method })`: the texts `(params): result` of
 * function descriptor `fn` (several when the call returns different things
 * by its options); `method` drops the first parameter (`self`).
 */
export function signatureTexts(descriptor, text) {
  const types = descriptor.types;
  const roleOf = (p) => (types[p.type].kind === 'struct' ? types[p.type].role : undefined);
  const hidden = (p) => !isVisible(types, p);

  return function signatures(fn, { method = false } = {}) {
    const visible = fn.params.filter((p) => !hidden(p));
    const shown = method ? visible.slice(1) : visible;
    const omittable = visible.length > 0 && allDefault(types[visible[visible.length - 1].type]);
    const params = shown.map((p, i) => {
      const optional = omittable && i === shown.length - 1;
      return `arg${i}${optional ? '?' : ''}: ${text(p.type, 'in')}`;
    });
    const result = resultText(fn);
    const specials = fn.params.filter(hidden);
    if (specials.length === 0) return [`(${params.join(', ')}): ${result}`];
    const roles = specials.map(roleOf).filter(Boolean);
    const options = (withCallback) => optionsText(specials, roles, fn, withCallback);
    // Options come after every parameter; a left-out trailing struct cannot be followed by them.
    const fixed = params.map((p) => p.replace(/^(arg\d+)\?:/, '$1:'));
    const delivered = roles.includes('promise') || roles.includes('generator');
    if (!delivered) return [`(${[...fixed, `options?: ${options(false)}`].join(', ')}): ${result}`];
    // The callback form first, so that TypeScript types the callback's parameters from it.
    return [
      `(${[...fixed, `options: ${options(true)}`].join(', ')}): ${result}`,
      `(${[...fixed, `options?: ${options(false)}`].join(', ')}): ${deliveryText(fn, roles)}`,
    ];
  };

  function resultText(fn) {
    if (fn.meta === 'string') return 'string';
    if (fn.meta) return unknown(`a ${fn.meta} form of ${types[fn.ret.type].name}`);
    return text(fn.ret.type, 'out');
  }

  /** The options object: keys for the allocator and for each role's option. */
  function optionsText(specials, roles, fn, withCallback) {
    const keys = [];
    if (specials.some((p) => types[p.type].kind === 'allocator')) keys.push(`allocator?: ${unknown('a zigport allocator')}`);
    if (roles.includes('abort_signal')) keys.push('signal?: AbortSignal');
    const item = deliveredText(fn, roles);
    if (withCallback) {
      // Called with (value) or, when it takes two parameters, node-style (error, value).
      keys.push(`callback: (value: ${item} | Error | null, result?: ${group(item)} | null) => unknown`);
    }
    return keys.length === 0 ? '{}' : `{ ${keys.join('; ')} }`;
  }

  /** What the call returns without a callback option: a promise, or an async iterator of items. */
  function deliveryText(fn, roles) {
    const item = deliveredText(fn, roles);
    return roles.includes('promise') ? `Promise<${item}>` : `AsyncIterableIterator<${item}>`;
  }

  /** The type of the value Zig settles a promise with, or of the items a generator yields. */
  function deliveredText(fn, roles) {
    const role = roles.includes('promise') ? 'promise' : roles.includes('generator') ? 'generator' : null;
    if (!role) return 'never';
    const param = fn.params.find((p) => roleOf(p) === role);
    const callback = types[param.type].fields.find((f) => f.name === 'callback');
    const caller = descriptor.functions[types[callback.type].caller];
    const item = caller?.callback?.params.at(-1);
    if (!item) return unknown(`what ${types[param.type].name} delivers`);
    const t = types[item.type];
    // A generator's items are optional: null ends the iteration rather than being an item.
    return text(role === 'generator' && t.kind === 'optional' ? t.child : item.type, 'out');
  }
}

/** Whether JS passes parameter `p` itself (the runtime fills allocators and the zigar module's parameters). */
export function isVisible(types, p) {
  const t = types[p.type];
  return !(t.kind === 'struct' && t.role !== undefined) && t.kind !== 'allocator';
}

/** Whether `t` is a struct (not a union) whose every field has a default (argument-forms.js). */
function allDefault(t) {
  if (t.kind !== 'struct' || t.union || t.role) return false;
  return t.fields.every((f) => f.comptime || 'default' in f);
}
