// Calls of functions the exporter exported directly (js/zig/wasm_direct.zig):
// parameters and result are plain numbers, so the arguments are checked as
// in every call and then passed as wasm values, with no frame in memory.
// The generated function is a few guards, one wasm call and a conversion.
import { argumentCountError } from '../errors.js';
import { abandonedError } from '../errors.js';
import { identifier, str } from '../calls/function.js';

/**
 * The callable for `fn`, given its direct export and the module's frames
 * (wasm/host.js): `failure(err)` turns a trap into the exception to throw,
 * `memory` is synced after the call, `output` ends what the call printed.
 */
export function makeDirectFunction(fn, types, direct, frames) {
  const { memory, failure, output } = frames;
  const n = fn.params.length;
  const args = fn.params.map((_, i) => `a${i}`);
  const body = [`if (arguments.length !== ${n}) throw argumentCountError(${str(fn.name)}, ${n}, arguments.length);`];
  fn.params.forEach((p, i) => {
    const t = types[p.type];
    const normalize = `${args[i]} = t${i}.normalize(${args[i]}, ${str(`${fn.name}(args[${i}])`)});`;
    body.push(t.inline ? `if (!${t.inline.guard(args[i])}) ${normalize}` : normalize);
    // Booleans cross as 0 or 1.
    if (t.kind === 'bool') body.push(`${args[i]} = ${args[i]} ? 1 : 0;`);
  });
  body.push('if (frames.abandoned) throw abandonedError();');
  body.push('let r;');
  body.push(`try { r = direct(${args.join(', ')}); } catch (err) { throw failure(err, ${str(fn.name)}); }`);
  // Growth detaches the buffer objects view; sync re-points them.
  body.push('if (memory.probe.length === 0) memory.sync();');
  // Everything the call printed reaches console.log before it returns.
  body.push('if (output.partialLine) output.endCall();');
  const ret = types[fn.ret.type];
  if (ret.kind !== 'void') body.push(`return ${resultExpression(ret, 'r')};`);
  const source = `return function ${identifier(fn.name)}(${args.join(', ')}) {\n  ${body.join('\n  ')}\n};`;
  const names = ['argumentCountError', 'abandonedError', 'direct', 'frames', 'memory', 'failure', 'output', ...fn.params.map((_, i) => `t${i}`)];
  const values = [argumentCountError, abandonedError, direct, frames, memory, failure, output, ...fn.params.map((p) => types[p.type])];
  const made = new Function(...names, source)(...values);
  Object.defineProperty(made, 'name', { value: fn.name });
  return made;
}

/**
 * JS for the value of a wasm result `r` of type `t` (i32 results are signed
 * in JS). Narrow results come back in an i32 whose upper bits the C ABI
 * leaves undefined (Zig 0.16's Debug builds do leave them set), so only
 * the value's own bits are read.
 */
function resultExpression(t, r) {
  if (t.kind === 'bool') return `(${r} & 1) !== 0`;
  if (t.kind !== 'int') return r;
  if (t.bits === 64) return t.signed ? r : `BigInt.asUintN(64, ${r})`;
  if (t.bits === 32) return t.signed ? r : `${r} >>> 0`;
  const shift = 32 - t.bits;
  return t.signed ? `(${r} << ${shift}) >> ${shift}` : `${r} & ${2 ** t.bits - 1}`;
}
