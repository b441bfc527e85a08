// Calls one function of a fixture in zig-fixtures/faults and reports what
// happened, for the tests of faults that may end the process
// (tests/runtime/faults-*.test.js). Run with `node --import <register>
// fault-in-zig.mjs <fixture> <native|wasm> <function> [argument [optimize]]`: prints
// "calling", then "returned <value>" or "threw <code> <message>", then
// "still alive" 300 ms later; an 'exit' handler prints "exit handler ran".
const [fixture, mode, name, argument, optimize] = process.argv.slice(2);
const url = new URL(`../../zig-fixtures/faults/${fixture}.zig`, import.meta.url);
if (mode === 'wasm') url.searchParams.set('target', 'wasm');
if (optimize) url.searchParams.set('optimize', optimize);
const module = await import(url.href);
process.on('exit', () => console.log('exit handler ran'));
console.log('calling');
try {
  const args = argument === undefined ? [] : [Number(argument)];
  console.log(`returned ${await module[name](...args)}`);
} catch (err) {
  console.log(`threw ${err.code} ${err.message}`);
}
setTimeout(() => console.log('still alive'), 300);
