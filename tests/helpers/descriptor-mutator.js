// Seeded mutations of a descriptor's JSON, for differential tests of the
// descriptor checks: each mutant is text with one to three damages (a key
// deleted or repeated, a value of the wrong type or out of range, a kind
// renamed, array elements repeated or dropped, sizes, offsets and flags
// changed), so that the checks under test see near-valid descriptors.
import { seededRandom } from './seeded-random.js';

/** Numbers written as they are, beyond what a JS number holds exactly. */
const raw = (text) => ({ [RAW]: text });
const RAW = Symbol('raw');
/** A key written twice: the object's own value, then this one. */
const REPEAT = Symbol('repeat');

const KINDS = ['bool', 'void', 'int', 'float', 'optional', 'error_union', 'error_set', 'slice', 'pointer', 'array',
  'enum', 'struct', 'function_pointer', 'allocator', 'opaque', 'unsupported', 'comptime_int', 'comptime_struct',
  'comptime_union', 'comptime_optional', 'comptime_error_union', 'comptime_array', 'comptime_pointer', 'type',
  'function', 'null', 'enum_literal', 'nonsense'];

const WRONG_VALUES = [
  -1, 1.5, 0, 1, 2, 3, 4, 7, 8, 16, 4096, 65536, 4294967295, 4294967296, 2 ** 53, raw('18446744073709551615'),
  raw('18446744073709551616'), raw('-9223372036854775809'), raw('1e300'), raw('-0'),
  '', 'x', '12', '-3', null, true, false, {}, [], [1, 2], { type: 0 }, 'caller', 'packed', 'string',
];

/** `count` mutants of descriptor text `text`, from `seed`. */
export function mutants(text, count, seed) {
  const random = seededRandom(seed);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const d = JSON.parse(text);
    const steps = 1 + Math.floor(random() * 3);
    const labels = [];
    for (let s = 0; s < steps; s += 1) labels.push(mutate(d, random));
    out.push({ text: write(d), label: labels.join('; ') });
  }
  return out;
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

/** Every container in `d` with the key or index of each child, weighted toward the type table. */
function slots(d) {
  const out = [];
  const walk = (node, path) => {
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      out.push({ parent: node, key, path: `${path}/${key}` });
      walk(node[key], `${path}/${key}`);
    }
  };
  walk(d, '');
  return out;
}

function mutate(d, random) {
  const all = slots(d);
  const { parent, key, path } = pick(random, all);
  const value = parent[key];
  const roll = random();
  if (Array.isArray(value) && value.length > 0 && roll < 0.2) return mutateArray(value, random, path);
  if (roll < 0.3 && !Array.isArray(parent)) {
    delete parent[key];
    return `delete ${path}`;
  }
  if (roll < 0.35 && !Array.isArray(parent)) {
    parent[REPEAT] = { key, value: pick(random, WRONG_VALUES) };
    return `repeat ${path}`;
  }
  if (key === 'kind' || (roll < 0.4 && typeof parent.kind === 'string')) {
    parent.kind = pick(random, KINDS);
    return `kind ${path} = ${parent.kind}`;
  }
  if (typeof value === 'number' && roll < 0.8) {
    parent[key] = nudge(value, random, d);
    return `nudge ${path} = ${parent[key]}`;
  }
  if (typeof value === 'boolean' && roll < 0.8) {
    parent[key] = !value;
    return `flip ${path}`;
  }
  parent[key] = pick(random, WRONG_VALUES);
  return `set ${path}`;
}

/** A nearby or telling number: off by one, doubled, halved, an index just out of range. */
function nudge(n, random, d) {
  const types = Array.isArray(d.types) ? d.types.length : 0;
  const functions = Array.isArray(d.functions) ? d.functions.length : 0;
  const choices = [n + 1, n - 1, n * 2, Math.floor(n / 2), n + 4, n + 8, 0, types, functions, types - 1, 2 ** 32,
    2 ** 32 + 8];
  return pick(random, choices);
}

function mutateArray(list, random, path) {
  const i = Math.floor(random() * list.length);
  const roll = random();
  if (roll < 0.4) {
    list.splice(i, 0, structuredClone(list[i]));
    return `repeat element ${path}/${i}`;
  }
  if (roll < 0.8) {
    list.splice(i, 1);
    return `drop element ${path}/${i}`;
  }
  const j = Math.floor(random() * list.length);
  [list[i], list[j]] = [list[j], list[i]];
  return `swap ${path}/${i},${j}`;
}

/** JSON text of `value`, writing raw numbers and repeated keys. */
function write(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value[RAW] !== undefined) return value[RAW];
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  const entries = Object.keys(value).map((k) => `${JSON.stringify(k)}:${write(value[k])}`);
  const repeat = value[REPEAT];
  if (repeat) entries.push(`${JSON.stringify(repeat.key)}:${write(repeat.value)}`);
  return `{${entries.join(',')}}`;
}

/**
 * Hand-picked damages of descriptor text `text` that random mutation
 * seldom makes: JSON syntax errors, structs written as arrays, enums
 * written as maps or numbers, repeated tags, deep nesting, numbers past
 * 64 bits, offsets whose sums wrap, whitespace that moves positions.
 * Returns `[label, text]` pairs.
 */
export function targetedMutants(text) {
  const d = JSON.parse(text);
  const out = [];
  const edit = (label, change) => {
    const c = structuredClone(d);
    const result = change(c);
    out.push([label, typeof result === 'string' ? result : JSON.stringify(c)]);
  };
  const replace = (label, from, to) => out.push([label, text.replace(from, to)]);
  const firstType = (c, kind) => c.types.find((t) => t.kind === kind);
  const withFields = (c) => c.types.find((t) => t.kind === 'struct' && t.fields.length > 0) ?? { fields: [{}] };
  const firstField = (c) => withFields(c).fields[0];
  const deep = (n) => JSON.parse('['.repeat(n) + ']'.repeat(n));
  for (const kind of [15, 99, null, -1, true, 1.5, {}, 'nonsense']) edit(`kind ${JSON.stringify(kind)}`, (c) => { c.types[0].kind = kind; });
  for (const meta of [{ string: null }, { string: 1 }, { nope: null }, { string: null, plain: null }, {}, 5, 'nope', []]) {
    edit(`function meta ${JSON.stringify(meta)}`, (c) => { c.functions[0].meta = meta; });
    edit(`field meta ${JSON.stringify(meta)}`, (c) => { firstField(c).meta = meta; });
  }
  edit('field as a short array', (c) => { withFields(c).fields[0] = ['f', 0, 0, 0]; });
  edit('field as a long array', (c) => { withFields(c).fields[0] = ['f', 0, 0, 0, null, null, false, null, null, 5]; });
  edit('frame as an array', (c) => { c.functions[0].frame = [c.functions[0].frame.size, c.functions[0].frame.align]; });
  edit('frame as a short array', (c) => { c.functions[0].frame = [4]; });
  edit('frame as a long array', (c) => { c.functions[0].frame = [4, 4, 4]; });
  edit('descriptor as an array', (c) => JSON.stringify(Object.values(c)));
  edit('name with escapes', (c) => { c.types[0].name = 'a"b\\c\n\u0001é😀'; c.types[0].align = 3; });
  edit('repeated kind', () => text.replace('"kind":', '"kind":"int","kind":'));
  edit('pretty printed', (c) => { c.types[c.types.length - 1].size = 'x'; return JSON.stringify(c, null, 2); });
  edit('deep constant value', (c) => { c.constants.push({ name: 'deep', type: 0, value: deep(140) }); });
  edit('deep unknown key', (c) => { c.extra = deep(140); });
  edit('deep unknown type key', (c) => { c.types[0].extra = deep(140); });
  edit('allocator offsets that wrap', (c) => {
    c.types.push({ kind: 'allocator', name: 'A', size: 8, align: 4, ptr_offset: 0, vtable_offset: 0 });
    return JSON.stringify(c).replace('"vtable_offset":0', '"vtable_offset":18446744073709551614');
  });
  edit('variadic offsets that wrap', (c) => {
    c.functions[0].frame = { size: 16 + 32 * 24, align: 8 };
    c.functions[0].variadic = { max: 32, count_offset: 12, extras_offset: 16, stride: 24, bits: 0, address: 16 };
    return JSON.stringify(c).replace('"bits":0', '"bits":18446744073709551608');
  });
  edit('array of 2^64-1 voids', (c) => {
    c.types.push({ kind: 'void', name: 'v', size: 0, align: 1 });
    c.types.push({ kind: 'array', name: 'av', size: 0, align: 1, child: c.types.length - 1, len: 1 });
    return JSON.stringify(c).replace('"len":1}', '"len":18446744073709551615}');
  });
  edit('payload not checked yet, 2^64-1 bytes', (c) => {
    const n = c.types.length;
    c.types.push({ kind: 'error_union', name: 'E', size: 8, align: 4, payload: n + 1, error_set: n + 2, value_offset: 4, code_offset: 0 });
    c.types.push({ kind: 'int', bits: 8, signed: false, name: 'big', size: 1, align: 1 });
    c.types.push({ kind: 'error_set', name: 'es', size: 2, align: 2 });
    return JSON.stringify(c).replace('"name":"big","size":1', '"name":"big","size":18446744073709551615');
  });
  edit('sentinel null', (c) => { const a = firstType(c, 'array'); if (a) a.sentinel = null; });
  for (const [label, from, to] of [
    ['trailing comma in an object', '"abi":', '"x":0,}'], ['trailing comma in an array', '"unsupported":[', '"unsupported":[1,'],
    ['leading zero', /"abi":(\d+)/, '"abi":0$1'], ['dangling point', /"abi":(\d+)/, '"abi":$1.'], ['bare minus', /"abi":\d+/, '"abi":-'],
    ['bare exponent', /"abi":(\d+)/, '"abi":$1e'], ['float out of range', /"abi":\d+/, '"abi":1e400'], ['whole float', /"abi":(\d+)/, '"abi":$1.0'],
    ['bad escape', '"name":"', '"name":"\\q'], ['escaped letter', '"name":"', '"name":"\\u00e9'], ['lone surrogate', '"name":"', '"name":"\\ud800'],
    ['lone trailing surrogate', '"name":"', '"name":"\\udc00'], ['control character', '"name":"', '"name":"\t'], ['unquoted key', '"abi"', 'abi'],
    ['missing colon', '"abi":', '"abi" '], ['truncated literal', 'true', 'tru'], ['whitespace and newlines', /"abi":/, ' \n\t"abi" :\n '],
  ]) replace(label, from, to);
  out.push(['truncated', text.slice(0, Math.floor(text.length / 2))], ['trailing bracket', `${text}]`], ['null', 'null'], ['a number', '5']);
  return out;
}
