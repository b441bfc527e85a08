// Builds the JS function for one exported Zig function. Each is generated
// source, specialised to its parameter types, so that a scalar call is a few
// guarded DataView stores, one N-API call and one load. A function with one
// pointer parameter is generated too: its record (see pointer-call.js) is
// written inline and its ArrayBuffer is the pointer invoker's one argument,
// unless the argument has the fast shape (a typed array of a slice's
// elements, a struct for a pointer to it), which the buffer invoker takes
// as it is.
// Functions with several pointer parameters use pointer-call.js.
import { argumentCountError } from '../errors.js';
import { invokeWithStandIn } from './resizable-stand-ins.js';
import { AT, DV, READ_ONLY } from '../types/memory.js';
import { addressOf, lengthOf } from './view-addresses.js';

/**
 * Makes the callable for function descriptor `fn`.
 * - `types`: converters from types/index.js
 * - `frames`: this thread's frame stack (runtime/frames.js)
 * - `id`: the function's id with the invoker (ZigModule.bindFunction)
 * - `afterOutput`: called when the call printed to the console
 * - `reentrant`: whether JS can run during the call (the module has
 *   function pointers that JS functions stand in for)
 */
export function makeFunction(fn, types, frames, id, afterOutput, { reentrant = true } = {}) {
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
  else body.push(...pointerCall(fn, types[fn.params[pointerParam].type], pointerParam, frames, id, reentrant));
  body.push('if (printed !== undefined) afterOutput();');
  if (frames.movable) body.push('dv = frames.dv;');
  const at = `f + ${fn.ret.offset}`;
  if (ret.kind !== 'void') body.push(`return ${ret.inline?.get ? ret.inline.get('dv', at) : `tr.read(dv, ${at})`};`);
  const names = [
    'argumentCountError', 'frames', 'dv', 'header', 'invoke', 'invokeWithPointers', 'invokeWithBuffer', 'invokeWithStandIn',
    'afterOutput', 'tr', 'DV', 'AT', 'READ_ONLY', 'addressOf', 'viewAddress', 'lengthOf',
    ...fn.params.map((_, i) => `t${i}`), ...fn.params.map((_, i) => `v${i}`),
  ];
  const values = [
    argumentCountError, frames, frames.dv, frames.header, frames.invoke, frames.invokeWithPointers,
    frames.invokeWithBuffer, invokeWithStandIn, afterOutput, ret, DV, AT, READ_ONLY, addressOf, frames.viewAddress, lengthOf,
    ...fn.params.map((p) => types[p.type]),
    // The class a fast-shaped pointer argument is checked against.
    ...fn.params.map((p) => types[p.type].fast?.view ?? types[p.type].fast?.object),
  ];
  const source = `return function ${identifier(fn.name)}(${args.join(', ')}) {\n  ${body.join('\n  ')}\n};`;
  const made = new Function(...names, source)(...values);
  Object.defineProperty(made, 'name', { value: fn.name });
  return made;
}

/**
 * The lines that pass pointer parameter `i` (slot 0) and call: through the
 * buffer invoker when the argument has the fast shape (`fastCall`), else,
 * or when the runtime declines it, through the pointer invoker.
 */
function pointerCall(fn, t, i, frames, id, reentrant) {
  const a = `a${i}`;
  const table = `f + ${alignUp(fn.frame.size, 8)}`;
  const found = t.pointer.optional
    ? `const m = ${a} === null || ${a} === undefined ? null : t${i}.target(${a}, ${where(fn, i)});`
    : `const m = t${i}.target(${a}, ${where(fn, i)});`;
  // Without JS running mid-call, a typed array for a slice needs no look by the invoker at all.
  const slots = !reentrant && t.fast?.view && frames.sliceSlots ? frames.sliceSlots(id) : null;
  const fast = slots ? addressCall(t, i, slots) : frames.invokeWithBuffer != null && t.fast ? fastCall(t, i, reentrant) : [];
  return [
    'let printed = false;',
    ...fast,
    'if (printed === false) {',
    `  ${found}`,
    `  header[3] = ${table};`,
    '  if (m === null) { header[2] = 0; invokeWithPointers(); } else {',
    `    dv.setUint32(${table}, 0, true); dv.setUint32(${table} + 4, 0, true);`,
    `    dv.setFloat64(${table} + 8, m.byteOffset, true); dv.setFloat64(${table} + 16, m.byteLength, true);`,
    `    dv.setUint32(${table} + 24, 0xffffffff, true); dv.setUint32(${table} + 28, 0, true);`,
    `    dv.setUint32(${table} + 32, 0xffffffff, true);`,
    // A resizable buffer goes as a fixed copy (resizable-stand-ins.js).
    '    header[2] = 1;',
    '    if (m.buffer.resizable !== true) invokeWithPointers(m.buffer); else invokeWithStandIn(invokeWithPointers, m.buffer);',
    '  }',
    // The pointer invoker reports console output in the header.
    '  printed = header[4] !== 0 ? true : undefined;',
    '}',
  ];
}

/**
 * The call of a function whose one slice gets a typed array, in a module
 * that never calls JS back: the array's address (view-addresses.js) and
 * length go into the frame here, and the scalar invoker runs it. An array
 * seen for the first time goes to the buffer invoker instead; anything else
 * (no such array, an empty or misaligned one) takes the general path.
 */
function addressCall(t, i, slots) {
  const a = `a${i}`;
  // A typed array of the slice's elements is aligned to their size; only a
  // slice declared with a larger alignment needs its address checked.
  const aligned = slots.align > t.fast.view.BYTES_PER_ELEMENT ? ` && (at.lo & ${slots.align - 1}) === 0` : '';
  const write64 = (offset, lo, hi) => `dv.setUint32(f + ${offset}, ${lo}, true); dv.setUint32(f + ${offset + 4}, ${hi}, true);`;
  return [
    `if (${ofClass(i)}) {`,
    `  const at = addressOf(${a}, viewAddress);`,
    `  if (at === undefined) { ${wholeViewCall(a)} }`,
    '  else if (at !== null) {',
    `    const n = lengthOf(${a});`,
    `    if (n !== 0${aligned}) {`,
    `      ${write64(slots.address, 'at.lo', 'at.hi')}`,
    // setUint32 keeps the low 32 bits of each (ToUint32).
    `      ${write64(slots.length, 'n', 'n / 4294967296')}`,
    ...(slots.present === null || slots.present === undefined ? [] : [`      dv.setUint8(f + ${slots.present}, 1);`]),
    '      printed = invoke();',
    '    }',
    '  }',
    '}',
  ];
}

/**
 * Whether argument `i` is an instance of its fast shape's class (`v${i}`).
 * The class is a closure variable, which TurboFan cannot fold into an
 * `instanceof`; the constructor read off the prototype it can. Instances
 * of subclasses (a Buffer for Uint8Array) pass the slower check after it.
 */
function ofClass(i) {
  return `(a${i}?.constructor === v${i} || a${i} instanceof v${i})`;
}

/** The buffer invoker's call on the whole of typed array `a`. */
function wholeViewCall(a) {
  return `header[2] = 0; header[3] = 0xffffffff; printed = invokeWithBuffer(${a});`;
}

/**
 * The buffer invoker's call (runtime/src/single_buffer.rs): the view itself
 * is its argument, header words 2 and 3 the byte range in it (0xffffffff:
 * to its end). It returns false, having run nothing, when it declines.
 */
function fastCall(t, i, reentrant) {
  const a = `a${i}`;
  // Where JS can run during the call, a resizable buffer takes the general
  // path, which hands Zig a fixed copy (resizable-stand-ins.js): a callback
  // shrinking it would unmap Zig's memory. The check costs as much as the
  // rest of the call, so modules that never call JS skip it.
  const fixed = reentrant ? ` && ArrayBuffer.isView(${a}) && ${a}.buffer.resizable !== true` : '';
  if (t.fast.view) {
    return [`if (${ofClass(i)}${fixed}) { ${wholeViewCall(a)} }`];
  }
  // A struct's own memory, as `target` would take it: never read-only
  // memory for a pointer Zig may write through.
  const open = t.pointer.writable ? ` && ${a}[READ_ONLY] === false` : '';
  return [
    `if (${ofClass(i)} && ${a}[DV] !== undefined${open}${reentrant ? ` && ${a}[DV].buffer.resizable !== true` : ''}) {`,
    `  header[2] = ${a}[AT]; header[3] = ${t.pointee.size}; printed = invokeWithBuffer(${a}[DV]);`,
    '}',
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
