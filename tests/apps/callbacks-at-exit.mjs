// A Zig thread calls a JS function over and over while this process ends:
// by itself (`free`), through process.exit() while zigar.thread.use() keeps
// it alive (`keep`), or after the module is abandoned (`abandon`). Run with
// `node --import <register>`; it must exit with status 0 every time.
import { callUntilExit, __zigar } from '../../zig-fixtures/callbacks/callbacks-from-threads.zig';

const how = process.argv[2];
let calls = 0;
callUntilExit((i) => { calls++; return i; }, how === 'keep');
setTimeout(() => {
  console.log(`called: ${calls > 0}`);
  if (how === 'abandon') {
    __zigar.abandon();
    const after = calls;
    setTimeout(() => console.log(`calls after abandon: ${calls - after}`), 100);
  }
  if (how === 'keep') process.exit(0);
}, 200);
