// The declared form of Zig arrays, vectors and slices, and of the views a
// many-item or single pointer to a scalar reads as (types/array.js): an
// indexable, iterable object with `length`, `get`/`set`, `valueOf()` giving
// an array, and the typed-array and text getters zigport offers for its
// element type. Every file declares the shared interfaces once.

/**
 * The interfaces every array, vector and slice text refers to. `Out` is
 * what an element reads as, `In` what it may be set to, `Plain` its
 * `valueOf()` form, `Init` what the whole may be set to through `$`.
 */
export const ELEMENT_INTERFACES = [
  'interface ZigReadonlyElements<Out, Plain> extends Iterable<Out> {',
  '  readonly length: number;',
  '  readonly [index: number]: Out;',
  '  get(index: number): Out;',
  '  entries(): Iterable<[number, Out]> & { readonly length: number };',
  '  valueOf(): Plain[];',
  '  toJSON(): unknown;',
  '  readonly dataView: DataView;',
  '  readonly base64: string;',
  '}',
  'interface ZigElements<Out, In, Plain, Init> extends ZigReadonlyElements<Out, Plain> {',
  '  [index: number]: Out;',
  '  set(index: number, value: In): void;',
  '  get $(): this;',
  '  set $(value: Init);',
  '  base64: string;',
  '}',
];

/** Typed arrays by element kind and bits, as types/array.js picks them (f16 has no TypeScript type yet). */
const TYPED_ARRAYS = {
  u8: 'Uint8Array', i8: 'Int8Array', u16: 'Uint16Array', i16: 'Int16Array', u32: 'Uint32Array',
  i32: 'Int32Array', u64: 'BigUint64Array', i64: 'BigInt64Array', f32: 'Float32Array', f64: 'Float64Array',
};

/** The name of the typed array `typedArray` gives for elements `child` (a type descriptor), if any. */
export function typedArrayName(child, bitPacked = false) {
  if (bitPacked) return undefined;
  if (child.kind === 'int') return TYPED_ARRAYS[`${child.signed ? 'i' : 'u'}${child.bits}`];
  return child.kind === 'float' ? TYPED_ARRAYS[`f${child.bits}`] : undefined;
}

/**
 * The text of an array or slice object. `parts`: `{ child, bitPacked,
 * out, in, plain, init, readOnly, self, copy }`: the element descriptor,
 * the element's texts, what the whole takes, whether it is a read-only view
 * (a const slice or pointer); for a slice view, the name of its own type
 * (what `subarray()` gives) and of its writable copy (what `slice()` gives).
 */
export function elementsText(parts) {
  const { child, readOnly } = parts;
  const base = readOnly
    ? `ZigReadonlyElements<${parts.out}, ${parts.plain}>`
    : `ZigElements<${parts.out}, ${parts.in}, ${parts.plain}, ${parts.init}>`;
  const extra = [];
  const mark = readOnly ? 'readonly ' : '';
  const typed = typedArrayName(child, parts.bitPacked);
  if (typed) extra.push(`${mark}typedArray: ${typed}`);
  if (typed && child.name === 'u8') extra.push(`${mark}clampedArray: Uint8ClampedArray`);
  // u8 elements read as UTF-8, u16 as UTF-16 (array.js's TEXT_FORMS).
  if (!parts.bitPacked && (child.name === 'u8' || child.name === 'u16')) extra.push(`${mark}string: string`);
  if (parts.self) {
    // `slice()` copies into new JS memory, which is writable even when the original is not.
    extra.push(`subarray(begin?: number, end?: number): ${parts.self}`, `slice(begin?: number, end?: number): ${parts.copy ?? parts.self}`);
  }
  return extra.length ? `${base} & { ${extra.join('; ')} }` : base;
}
