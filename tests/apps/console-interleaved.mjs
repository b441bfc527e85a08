// Alternates JS console.log with Zig output (std.debug.print and stdout);
// run with `node --import <register>`. The test compares stdout exactly.
import { debugLine, debugLines, stdoutLine } from '../../zig-fixtures/console/prints-to-console.zig';

console.log('js 1');
debugLine(1);
console.log('js 2');
stdoutLine(2);
debugLines();
console.log('js 3');
