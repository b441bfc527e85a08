// Ends with Zig having printed a line without its newline; run with
// `node --import <register>`. The line must still reach stdout at exit.
import { debugPartial } from '../../zig-fixtures/console/prints-to-console.zig';

console.log('js first');
debugPartial();
