// Builds the JS function for one exported Zig function. Each is generated
// source, specialised to its parameter types, so that a scalar call is a few
// guarded DataView stores, one N-API call and one load.
import { argumentCountError } from '../errors.js';

/**
 * Makes the callable for function descriptor `fn`.
 * - `types`: converters from types/index.js
 * - `frames`: this thread's frame stack (runtime/frames.js)
 * - `id`: the function's id with the invoker (ZigModule.bindFunction)
 * - `afterOutput`: called when the call printed to the console
 */
export function makeFunction(fn, types, frames, id, afterOutput) {
  const n = fn.params.length;
  const ret = types[fn.ret.type];
  const span = alignUp(Math.max(fn.frame.size, 1), 64);
  const args = fn.params.map((_, i) => `a${i}`);
  const body = [];
  body.push(`if (arguments.length !== ${n}) throw argumentCountError(${str(fn.name)}, ${n}, arguments.length);`);
  fn.params.forEach((p, i) => {
    const t = types[p.type];
    if (t.inline) body.push(`if (!${t.inline.guard(args[i])}) ${args[i]} = t${i}.normalize(${args[i]}, ${where(fn, i)});`);
  });
  body.push(fn.frame.align > 64
    ? `const f = (frames.top + ${fn.frame.align - 1}) & ~${fn.frame.align - 1};`
    : 'const f = frames.top;');
  fn.params.forEach((p, i) => {
    const t = types[p.type];
    const at = `f + ${p.offset}`;
    body.push(t.inline ? `${t.inline.set('dv', at, args[i])};` : `t${i}.write(dv, ${at}, ${args[i]}, ${where(fn, i)});`);
  });
  body.push(`header[0] = f; header[1] = ${id};`);
  body.push('const printed = invoke();');
  body.push('if (printed !== undefined) afterOutput();');
  const at = `f + ${fn.ret.offset}`;
  if (ret.kind !== 'void') body.push(`return ${ret.inline?.get ? ret.inline.get('dv', at) : `tr.read(dv, ${at})`};`);
  const names = ['argumentCountError', 'frames', 'dv', 'header', 'invoke', 'afterOutput', 'tr', ...fn.params.map((_, i) => `t${i}`)];
  const values = [
    argumentCountError, frames, frames.dv, frames.header, frames.invoke, afterOutput, ret,
    ...fn.params.map((p) => types[p.type]),
  ];
  const source = `return function ${identifier(fn.name)}(${args.join(', ')}) {\n  ${body.join('\n  ')}\n};`;
  const made = new Function(...names, source)(...values);
  Object.defineProperty(made, 'name', { value: fn.name });
  return made;
}

function where(fn, i) {
  return str(`${fn.name}(args[${i}])`);
}

function str(s) {
  return JSON.stringify(s);
}

function alignUp(n, a) {
  return Math.ceil(n / a) * a;
}

/** A JS identifier for a Zig name (Zig allows `@"any text"`). */
function identifier(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `zig_${name}` : 'zig_function';
}
