// A TypeScript program that misuses typescript-declarations.zig: each
// marked line must be an error of the code it names.
import zig, {
  add, next, Point, later, total, greeting, samplesView, sumBytes, triple, sessionValue, Record, Shape, firstByte, countTo,
} from './typescript-declarations.zig';

add('1', 2); // TS2345 wrong argument type
add(1); // TS2554 missing argument
new Point({ x: 'one' }); // TS2322 wrong field type
const text: string = add(1, 2); // TS2322 result used as the wrong type
next('purple'); // TS2345 no such enum member
zig.limit = 5n; // TS2540 a constant
const waited: string = await later(1); // TS2322 what the promise settles with
greeting()[0] = 1; // TS2542 a const slice is read-only
greeting().set(0, 1); // TS2339 nor has it set()
void samplesView().string; // TS2339 f32 elements are no text
sumBytes(5); // TS2345 an array takes elements
const tripled: number[] = triple(1); // TS2322 an array object, not a JS array
sessionValue(new Uint8Array(4)); // TS2739 a handle only Zig makes
new Record({ name: 'r', values: [1, 2, 3] }).version = 3; // TS2540 a comptime field
zig.level = 4; // TS2540 a getter without setter
void Shape.tag.triangle; // TS2339 no such tag
firstByte('text'); // TS2345 a pointer to an array takes no string
for await (const n of countTo(2)) void n.length; // TS2339 a generator of numbers
total({ length: 1, 0: 1 }); // TS2345 an array-like object that is not iterable
void [text, waited, tripled];
