// A TypeScript program that uses typescript-declarations.zig as its
// declarations allow: it must type-check, and run, printing its results.
import zig, {
  add, wide, ratio, negate, count, fill, total, maybe, divide, colourName, next, area, distance, apply,
  transform, later, Point, Colour, Shape, MathError, Options, limit,
  Record, Byte, Unary, openSession, sessionValue, greeting, samplesView, cName, triple, sumBytes, scaled, increment,
  firstByte, orDefault, pair, countTo, Vec3, CStr,
} from './typescript-declarations.zig';

const bytes = new Uint8Array(4);
fill(bytes, 7);
const p = new Point({ x: 1 });
p.shift(2);
zig.counter = 5;
let failed: Error | null = null;
try {
  divide(1, 0);
} catch (err) {
  failed = err as Error;
}
const results = {
  add: add(1, 2n),
  wide: wide(5n),
  ratio: ratio(1, 4),
  negate: negate(true),
  count: Number(count('hello')),
  bytes: Array.from(bytes),
  total: total([1, 2, 3]) + total(new Float64Array([1])),
  maybe: [maybe(null), maybe(1)],
  divide: divide(6, 3),
  divideByZero: failed?.message,
  isMathError: failed instanceof MathError,
  colourName: typeof colourName('green'),
  next: next(Colour.red).valueOf(),
  area: area({ circle: 2 }) + area(new Shape({ square: 3 })),
  point: p.valueOf(),
  sums: p.sum() + distance({ x: 1, y: 2 }) + Point.make(1, 2).x,
  apply: apply((v: number) => v * 2, 5),
  transform: [transform(2), transform(2, { scale: 3 }), transform(1, new Options())],
  later: await later(4),
  counter: zig.counter,
  limit: String(limit + zig.limit),
  odd: zig['odd name'](),
};
const called: number[] = [];
later(8, { callback: (value) => { if (typeof value === 'number') called.push(value); } });

// Slices, many-item pointers and arrays read as views with typed-array and text forms.
const hello = greeting();
const samples = samplesView();
samples[0] = 4;
samples.set(1, 5);
const tripled = triple(2);
tripled[2] = tripled.get(2) + 1;
const vector = scaled([1, 2, 3, 4], 2);
const counted = new Int32Array([9]);
increment(counted);
// A struct with slice, array and vector fields, a comptime field and accessors.
const record = new Record({ name: 'rec', values: [1, 2, 3] });
record.first = 10;
record.values = new Int32Array([record.values[0], 20, 30]);
record.weights = vector;
const level: number = zig.level;
zig.grid = [[5, 6], 'ab'];
const grid: number[][] = zig.grid.valueOf();
const byte = new Byte(200);
const vec3 = new Vec3([1, 2, 3]);
vec3[0] = 4;
const numbers: number[] = [];
for await (const n of countTo(3)) numbers.push(n);
const shape = new Shape({ square: 2 });
const arrays = {
  greeting: hello.string,
  greetingLength: hello.length,
  greetingBytes: Array.from(hello.typedArray.subarray(0, 2)),
  helloSlice: hello.subarray(1, 3).string,
  samples: samples.valueOf(),
  samplesTyped: samples.typedArray instanceof Float32Array,
  cName: cName().string,
  tripled: [...tripled],
  vector: Array.from(vector.typedArray),
  sumBytes: [sumBytes([1, 2, 3, 4]), sumBytes(new Uint8Array([5, 5, 5, 5])), sumBytes('AAAA')],
  counted: counted[0],
  firstByte: firstByte(new Uint8Array([9, 1, 1, 1])) + firstByte(tripled.length === 3 ? [1, 0, 0, 0] : []),
  orDefault: [orDefault(5), orDefault(MathError.Overflow)],
  session: sessionValue(openSession()),
  record: record.valueOf(),
  recordName: record.name.string,
  total: record.total,
  version: record.version,
  level,
  grid,
  byte: byte.$ + byte.valueOf(),
  unary: Unary === undefined,
  vec3: Array.from(vec3.typedArray),
  cStr: new CStr('text').$.string,
  pair: pair().valueOf(),
  numbers,
  tag: [String(shape), Shape.tag.circle.valueOf()],
};
console.log(JSON.stringify({ ...results, wide: String(results.wide), called, arrays }));
