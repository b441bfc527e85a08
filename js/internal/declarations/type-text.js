// The TypeScript type of a Zig type in one direction: `in`, what JS may
// give where Zig takes a value (an argument, a field or variable being set),
// or `out`, what JS gets back (a result, a field or variable read). Each
// branch mirrors a converter of js/internal/types/; a type whose JS form the
// generator cannot state exactly is `unknown`, with a comment saying why.

/** Typed arrays that stand for a run of elements of each Zig type (types/pointer.js). */
const TYPED_ARRAYS = {
  u8: ['Uint8Array', 'Uint8ClampedArray'], i8: ['Int8Array'], u16: ['Uint16Array'], i16: ['Int16Array'],
  u32: ['Uint32Array'], i32: ['Int32Array'], u64: ['BigUint64Array'], i64: ['BigInt64Array'],
  f32: ['Float32Array'], f64: ['Float64Array'],
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

  function text(index, dir) {
    const t = types[index];
    switch (t.kind) {
      case 'int': return intText(t, dir);
      case 'float': return 'number';
      case 'bool': return 'boolean';
      case 'void': return dir === 'out' ? 'void' : 'undefined';
      case 'optional': return `${group(text(t.child, dir))} | null`;
      case 'error_union': return dir === 'out' ? text(t.payload, dir) : unknown('an error union as a value');
      case 'error_set': return dir === 'out' ? 'Error' : 'Error | string | number';
      case 'enum': return enumText(index, t, dir);
      case 'struct': return structText(index, t, dir);
      case 'slice': case 'pointer': return pointerText(t, dir);
      case 'function_pointer': return functionText(t, dir);
      default: return unknown(`${t.kind} ${t.name}`);
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

  function pointerText(t, dir) {
    const child = types[t.child];
    const nullable = t.nullable ? ' | null' : '';
    if (child.kind === 'opaque') return unknown(`handle ${t.name}`) + nullable;
    const run = t.kind === 'slice' || t.many === true;
    if (!run && child.kind === 'struct' && classes.name(t.child)) {
      // A const pointer also takes a plain initializer, copied (types/pointer.js).
      const accepts = dir === 'in' && t.const ? structText(t.child, child, 'in') : classes.name(t.child);
      return accepts + nullable;
    }
    if (dir === 'out' || !run) return unknown(`${t.name}`) + nullable;
    return runText(t, child) + nullable;
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
    if (!element.startsWith('unknown')) forms.push(`Iterable<${group(element)}>`, `ArrayLike<${group(element)}>`);
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

/** `unknown`, with the reason as a comment. */
export function unknown(why) {
  return `unknown /* ${why.replace(/\*\//g, '* /')} */`;
}

/** `text` in parentheses when it is a union, so that `| null` or `[]` binds to the whole. */
export function group(text) {
  return text.includes(' | ') || text.includes('=>') ? `(${text})` : text;
}
