// A TypeScript program that misuses typescript-declarations.zig: each
// marked line must be an error of the code it names.
import zig, { add, next, Point, later } from './typescript-declarations.zig';

add('1', 2); // TS2345 wrong argument type
add(1); // TS2554 missing argument
new Point({ x: 'one' }); // TS2322 wrong field type
const text: string = add(1, 2); // TS2322 result used as the wrong type
next('purple'); // TS2345 no such enum member
zig.limit = 5n; // TS2540 a constant
const waited: string = await later(1); // TS2322 what the promise settles with
void [text, waited];
