// zigport demo: import a .zig file and call it like any JS module.
import checksum, { fletcher16, isqrt, mean, tick } from './checksum.zig';

console.log('fletcher16(0x1234n) =', fletcher16(0x1234n));
console.log('isqrt(1000000n)     =', isqrt(1000000n));
console.log('mean(1.5, 2.5)      =', mean(1.5, 2.5));
console.log('mean(NaN, 1)        =', mean(NaN, 1));

tick();
tick();
console.log('JS sees ticks       =', checksum.ticks);
checksum.ticks = 40;
console.log('after JS sets 40    =', tick());

for (const bad of [() => isqrt(0), () => fletcher16(-1), () => mean(1)]) {
  try {
    bad();
  } catch (err) {
    console.log(`${err.constructor.name}: ${err.message}`);
  }
}
