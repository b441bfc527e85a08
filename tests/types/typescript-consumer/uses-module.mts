// A TypeScript program that uses typescript-declarations.zig as its
// declarations allow: it must type-check, and run, printing its results.
import zig, {
  add, wide, ratio, negate, count, fill, total, maybe, divide, colourName, next, area, distance, apply,
  transform, later, Point, Colour, Shape, MathError, Options, limit,
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
console.log(JSON.stringify({ ...results, wide: String(results.wide), called }));
