// The TypeScript type of a Zig type in one direction: `in`, what JS may
// give where Zig takes a value (an argument, a field or variable being set),
// or `out`, what JS gets back (a result, a field or variable read). Each
// branch mirrors a converter of js/internal/types/; a type whose JS form the
// generator cannot state exactly is `unknown`, with a comment saying why.

import { elementsText } from './elements.js';
import { group, unknown } from './fragments.js';
import { plainTexts } from './plain.js';

/** Typed arrays that stand for a run of elements of each Zig type (types/pointer.js). */
const TYPED_ARRAYS = {
  u8: ['Uint8Array', 'Uint8ClampedArray'], i8: ['Int8Array'], u16: ['Uint16Array'], i16: ['Int16Array'],
  u32: ['Uint32Array'], i32: ['Int32Array'], u64: ['BigUint64Array'], i64: ['BigInt64Array'],
  usize: ['BigUint64Array'], isize: ['BigInt64Array'], f32: ['Float32Array'], f64: ['Float64Array'],
};

/** What JS reads for values of the comptime-only kinds a comptime field or constant has (types/comptime.js). */
const COMPTIME_TEXTS = {
  comptime_int: 'number | bigint', comptime_float: 'number', enum_literal: 'string', null: 'null', undefined: 'undefined',
};

/** Element types a string stands for (types/array.js's text forms). */
const TEXT_ELEMENTS = new Set(['u8', 'u16']);

/**
 * Makes `typeText(index, direction)` for a descriptor's type table.
 * `classes` gives the declared class identifier of a type index (or
 * undefined) and `initName(index)` the name of its init object type.
 */
export function typeTexts(descriptor, classes) {
  const types = descriptor.types;
  const wordBits = Number(descriptor.pointer_size ?? 8) * 8;
  const plain = plainTexts(descriptor, classes, text);

  function text(index, dir) {
    const t = types[index];
    switch (t.kind) {
      case 'int': return intText(t, dir);
      case 'float': return 'number';
      case 'bool': return 'boolean';
      case 'void': return dir === 'out' ? 'void' : 'undefined';
      case 'optional': return `${group(text(t.child, dir))} | null`;
      case 'error_union': return dir === 'out' ? text(t.payload, dir) : errorUnionIn(t);
      case 'error_set': return dir === 'out' ? 'Error' : 'Error | string | number';
      case 'enum': return enumText(index, t, dir);
      case 'struct': return structText(index, t, dir);
      case 'array': return arrayText(t, dir, false);
      case 'slice': case 'pointer': return pointerText(t, dir);
      case 'function_pointer': return functionText(t, dir);
      case 'opaque': return classes.name(index) ?? unknown(`handle ${t.name}`);
      default: return COMPTIME_TEXTS[t.kind] ?? unknown(`${t.kind} ${t.name}`);
    }
  }

  function intText(t, dir) {
    if (dir === 'in') return 'number | bigint';
    // Wider than 32 bits: bigints, except usize/isize, numbers while safe (types/int.js).
    if (t.bits <= 32) return 'number';
    return t.pointer_sized && t.bits <= wordBits ? 'number | bigint' : 'bigint';
  }

  function enumText(index, t, dir) {
    const name = classes.name(index);
    if (dir === 'out') return name ?? unknown(t.name);
    // A member, its name or its tag value (types/enum.js).
    const tagBits = types[t.tag].bits;
    return [name, ...t.members.map((m) => JSON.stringify(m.name)), 'number', tagBits > 32 && 'bigint']
      .filter(Boolean).join(' | ');
  }

  function structText(index, t, dir) {
    const name = classes.name(index);
    if (!name) return unknown(t.name);
    return dir === 'out' ? name : `${name} | ${classes.initName(index)}`;
  }

  /** An error union set from JS: the payload, or an error of its set (types/error-union.js). */
  function errorUnionIn(t) {
    const asJson = types[t.payload].kind === 'struct' ? '' : ' | { error: string }';
    return `${group(text(t.payload, 'in'))} | Error${asJson}`;
  }

  /** An array or vector: its object when read, its elements (or text for u8/u16) when set. */
  function arrayText(t, dir, readOnly) {
    const child = types[t.child];
    const textual = !t.bit_packed && (child.name === 'u8' || child.name === 'u16');
    const init = `Iterable<${group(text(t.child, 'in'))}>${textual ? ' | string' : ''}`;
    if (dir === 'in') return init;
    const wanted = `${readOnly ? 'Const' : ''}${elementWord(t.child)}${t.vector ? 'Vector' : 'Array'}${t.len}`;
    const parts = { child, bitPacked: t.bit_packed, out: text(t.child, 'out'), in: text(t.child, 'in'), plain: plain(t.child), init };
    return classes.alias(`${t.name}${readOnly ? ' (read-only)' : ''}`, wanted, () => elementsText({ ...parts, readOnly }));
  }

  function pointerText(t, dir) {
    const child = types[t.child];
    const nullable = t.nullable ? ' | null' : '';
    if (child.kind === 'opaque') return handleText(t, child, dir) + nullable;
    const run = t.kind === 'slice' || t.many === true;
    if (!run && child.kind === 'struct' && classes.name(t.child)) {
      // A const pointer also takes a plain initializer, copied (types/pointer.js).
      const accepts = dir === 'in' && t.const ? structText(t.child, child, 'in') : classes.name(t.child);
      return accepts + nullable;
    }
    if (dir === 'in') return (run ? runText(t, child) : singleText(t, child)) + nullable;
    // What a returned pointer reads as: the array it points at, or a view of its elements (one for `*T`).
    if (!run && child.kind === 'array') return arrayText(child, 'out', t.const) + nullable;
    return viewText(t, child, run) + nullable;
  }

  /** The slice view a returned slice or pointer reads as (types/array.js's sliceClass), under an alias of its own. */
  function viewText(t, child, run) {
    const element = { child, out: text(t.child, 'out'), in: text(t.child, 'in'), plain: plain(t.child) };
    const init = `Iterable<${group(element.in)}>${TEXT_ELEMENTS.has(child.name) ? ' | string' : ''}`;
    const word = elementWord(t.child);
    const kind = t.kind === 'slice' ? 'Slice' : run ? 'Pointer' : 'Target';
    // `slice()` gives a writable copy: of a const view, a `[]T` view; of another, a view of its own type.
    const writable = () => classes.alias(`[]${child.name} (view)`, `${word}Slice`,
      (name) => elementsText({ ...element, init, readOnly: false, self: name }));
    return classes.alias(`${t.name} (view)`, `${t.const ? 'Const' : ''}${word}${kind}`,
      (name) => elementsText({ ...element, init, readOnly: t.const, self: name, copy: t.const ? writable() : name }));
  }

  /** A word for element type `index` in an alias name: `U8`, `Point`, `U8Array4`. */
  function elementWord(index) {
    const t = types[index];
    const named = ['struct', 'enum', 'opaque'].includes(t.kind) && classes.name(index);
    if (named) return named.charAt(0).toUpperCase() + named.slice(1);
    if (t.kind === 'array') return `${elementWord(t.child)}${t.vector ? 'Vector' : 'Array'}${t.len}`;
    if (t.kind === 'optional') return `Optional${elementWord(t.child)}`;
    const word = t.name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
    return word.charAt(0).toUpperCase() + word.slice(1) || 'Value';
  }

  /** A handle: an instance of the opaque type's class; `*anyopaque` takes any handle or memory too. */
  function handleText(t, child, dir) {
    const name = classes.name(t.child) ?? unknown(`handle ${t.name}`);
    if (dir === 'out' || child.name !== 'anyopaque') return name;
    return 'ZigHandle | ArrayBuffer | ArrayBufferView | { readonly dataView: DataView }';
  }

  /**
   * What a single-item pointer to a non-struct takes: memory of its
   * element type, its object, the value(s) copied (types/pointer.js).
   */
  function singleText(t, child) {
    const array = child.kind === 'array';
    const element = array ? child.child : t.child;
    const values = `Iterable<${group(text(element, 'in'))}>`;
    const forms = [...(TYPED_ARRAYS[types[element].name] ?? []), 'DataView', 'ArrayBuffer', values];
    // `*i32` also takes the number it points at, copied.
    if (!array) forms.push(text(t.child, 'in'));
    return forms.join(' | ');
  }

  /** What a slice or many-item pointer parameter takes: memory, a string, or the values. */
  function runText(t, child) {
    if (child.kind === 'slice' || child.kind === 'pointer') {
      const inner = text(t.child, 'in');
      return inner.startsWith('unknown') ? inner : `Iterable<${group(inner)}>`;
    }
    const typed = TYPED_ARRAYS[child.name] ?? [];
    const memory = [...typed, 'DataView', (child.name === 'u8' || child.name === 'i8') && 'ArrayBuffer'];
    const forms = [...memory.filter(Boolean), TEXT_ELEMENTS.has(child.name) && 'string'];
    const element = text(t.child, 'in');
    // Iterables only: an array-like object without an iterator is refused (types/pointer.js's copyOf).
    if (!element.startsWith('unknown')) forms.push(`Iterable<${group(element)}>`);
    return forms.filter(Boolean).join(' | ');
  }

  /** A function pointer: JS functions go in, callable functions come out (types/function-pointer.js). */
  function functionText(t, dir) {
    const caller = t.caller != null ? descriptor.functions[t.caller] : null;
    const nullable = t.nullable ? ' | null' : '';
    if (!caller?.callback || t.problem) return unknown(t.name) + nullable;
    // Zig calls a JS function with its results and reads back what it returns; a
    // function read from Zig takes arguments as any call does.
    const [argDir, retDir] = dir === 'in' ? ['out', 'in'] : ['in', 'out'];
    const params = caller.callback.params.map((p, i) => `arg${i}: ${text(p.type, argDir)}`);
    const ret = types[caller.callback.ret.type].kind === 'void' ? 'void' : text(caller.callback.ret.type, retDir);
    return `((${params.join(', ')}) => ${ret})${nullable}`;
  }

  return text;
}
