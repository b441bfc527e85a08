// Calls a function of zig-fixtures/faults/buffer-detached-by-a-callback.zig
// whose callback transfers the buffer Zig is writing into, for
// tests/runtime/faults-buffer-detached.test.js. Run with `node --import
// <register> detach-in-callback.mjs <native|wasm> <fillAround|fillBoth>`:
// prints "calling", then "returned" and the array's length after the call.
const [mode, name] = process.argv.slice(2);
const url = new URL('../../zig-fixtures/faults/buffer-detached-by-a-callback.zig', import.meta.url);
if (mode === 'wasm') url.searchParams.set('target', 'wasm');
const module = await import(url.href);
const array = new Uint8Array(4096);
const other = new Uint8Array(4096);
const transfer = () => { structuredClone(array.buffer, { transfer: [array.buffer] }); };
console.log('calling');
if (name === 'fillAround') module.fillAround(array, 9, transfer);
else module.fillBoth(other, array, 9, transfer);
console.log('returned');
console.log(`length ${array.length}`);
