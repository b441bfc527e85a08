// Zig `E!T`: reading one whose error code is set throws the matching
// ZigError; otherwise it yields the payload. At the boundary it is
// `{ value, code }` (see wire.zig).
import { reopener } from './memory.js';

/**
 * Builds the converter for an `error_union` type descriptor; `errorFor(code,
 * above)` gives the error to throw, its stack starting below `above`.
 */
export function errorUnionType(t, payload, errorSet, errorFor) {
  const { value_offset: valueAt, code_offset: codeAt } = t;
  // `{ error: "Name" }` is an error's JSON form, unless the payload is a
  // struct, whose initializer it could be.
  const holdsError = (value) => value instanceof Error ||
    (payload.kind !== 'struct' && value !== null && typeof value === 'object' && typeof value.error === 'string');
  const readCode = { 1: 'getUint8', 2: 'getUint16', 4: 'getUint32' }[errorSet.size];
  const writeCode = readCode.replace('get', 'set');
  // The function that throws leaves itself out of the error's stack, so
  // the stack starts where the error was read (see error-stack.js).
  function read(dv, offset) {
    const code = dv[readCode](offset + codeAt, true);
    if (code !== 0) throw errorFor(code, read);
    return payload.read(dv, offset + valueAt);
  }
  function throwIfError(dv, offset) {
    const code = dv[readCode](offset + codeAt, true);
    if (code !== 0) throw errorFor(code, throwIfError);
  }
  return {
    ...t,
    payload,
    read,
    // An error (or `{ error: name }`) stores that error; anything else is
    // the payload and clears it.
    write(dv, offset, value, where) {
      if (holdsError(value)) {
        dv[writeCode](offset + codeAt, errorSet.normalize(value, where).number, true);
        return;
      }
      const reopen = reopener(dv);
      payload.write(dv, offset + valueAt, value, where);
      reopen()[writeCode](offset + codeAt, 0, true);
    },
    inline: null,
    // A pointer payload (`![]u8`): the runtime resolves the address, and
    // the caller first throws the error if there is one.
    pointer: payload.pointer,
    pointee: payload.pointee,
    result: payload.result,
    throwIfError,
  };
}
