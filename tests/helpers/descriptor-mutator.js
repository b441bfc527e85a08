// Seeded mutations of a descriptor's JSON, for differential tests of the
// descriptor checks: each mutant is text with one to three damages (a key
// deleted or repeated, a value of the wrong type or out of range, a kind
// renamed, array elements repeated or dropped, sizes, offsets and flags
// changed), so that the checks under test see near-valid descriptors.

/** A small seeded generator (mulberry32): the same seed gives the same mutants. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
