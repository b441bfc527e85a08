// Builds the JS function for one exported Zig function. Each is generated
// source, specialised to its parameter types, so that a scalar call is a few
// guarded DataView stores, one N-API call and one load. A function with one
// pointer parameter is generated too: its record (see pointer-call.js) is
// written inline and its ArrayBuffer is the pointer invoker's one argument.
// Functions with several pointer parameters use pointer-call.js.
import { argumentCountError } from '../errors.js';
import { invokeWithStandIn } from './resizable-stand-ins.js';

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
  const pointerParam = fn.params.findIndex((p) => types[p.type].pointer);
  const args = fn.params.map((_, i) => `a${i}`);
  const body = [];
  body.push(`if (arguments.length !== ${n}) throw argumentCountError(${str(fn.name)}, ${n}, arguments.length);`);
  // Frames in WebAssembly memory move when it grows; the call takes the
  // current view before it writes and again after Zig ran.
  if (frames.movable) body.push('let dv = frames.dv;');
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
    if (t.pointer) return;
    body.push(t.inline ? `${t.inline.set('dv', at, args[i])};` : `t${i}.write(dv, ${at}, ${args[i]}, ${where(fn, i)});`);
  });
  body.push(`header[0] = f; header[1] = ${id};`);
  if (pointerParam < 0) body.push('const printed = invoke();');
  else body.push(...pointerCall(fn, types[fn.params[pointerParam].type], pointerParam));
  body.push('if (printed !== undefined) afterOutput();');
  if (frames.movable) body.push('dv = frames.dv;');
  const at = `f + ${fn.ret.offset}`;
  if (ret.kind !== 'void') body.push(`return ${ret.inline?.get ? ret.inline.get('dv', at) : `tr.read(dv, ${at})`};`);
  const names = [
    'argumentCountError', 'frames', 'dv', 'header', 'invoke', 'invokeWithPointers', 'invokeWithStandIn', 'afterOutput', 'tr',
    ...fn.params.map((_, i) => `t${i}`),
  ];
  const values = [
    argumentCountError, frames, frames.dv, frames.header, frames.invoke, frames.invokeWithPointers, invokeWithStandIn, afterOutput,
    ret,
    ...fn.params.map((p) => types[p.type]),
  ];
  const source = `return function ${identifier(fn.name)}(${args.join(', ')}) {\n  ${body.join('\n  ')}\n};`;
  const made = new Function(...names, source)(...values);
  Object.defineProperty(made, 'name', { value: fn.name });
  return made;
}

/** The lines that pass pointer parameter `i` (slot 0) and call. */
function pointerCall(fn, t, i) {
  const a = `a${i}`;
  const table = `f + ${alignUp(fn.frame.size, 8)}`;
  const found = t.pointer.optional
    ? `const m = ${a} === null || ${a} === undefined ? null : t${i}.target(${a}, ${where(fn, i)});`
    : `const m = t${i}.target(${a}, ${where(fn, i)});`;
  return [
    found,
    `header[3] = ${table};`,
    'if (m === null) { header[2] = 0; invokeWithPointers(); } else {',
    `  dv.setUint32(${table}, 0, true); dv.setUint32(${table} + 4, 0, true);`,
    `  dv.setFloat64(${table} + 8, m.byteOffset, true); dv.setFloat64(${table} + 16, m.byteLength, true);`,
    `  dv.setUint32(${table} + 24, 0xffffffff, true); dv.setUint32(${table} + 28, 0, true);`,
    `  dv.setUint32(${table} + 32, 0xffffffff, true);`,
    // A resizable buffer goes as a fixed copy (resizable-stand-ins.js).
    '  header[2] = 1;',
    '  if (m.buffer.resizable !== true) invokeWithPointers(m.buffer); else invokeWithStandIn(invokeWithPointers, m.buffer);',
    '}',
    // The pointer invoker reports console output in the header.
    'const printed = header[4] !== 0 ? true : undefined;',
  ];
}

function where(fn, i) {
  return str(`${fn.name}(args[${i}])`);
}

/** `s` as a JS string literal, for generated source. */
export function str(s) {
  return JSON.stringify(s);
}

function alignUp(n, a) {
  return Math.ceil(n / a) * a;
}

/** A JS identifier for a Zig name (Zig allows `@"any text"`). */
export function identifier(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `zig_${name}` : 'zig_function';
}
