// Structural checks on a decoded descriptor (the twin of
// marshal/src/descriptor/validate/mod.rs). After `check` passes, every type
// index is in range, every member lies inside its structure at its
// alignment, and nested types strictly shrink.
//
// - types.js: each type against its own kind's rules;
// - declarations.js: functions, variables, constants and names;
// - values.js: comptime values against their types.
import { DescriptorError, typeError } from '../errors.js';
import { Problem } from './problem.js';
import { checkType } from './types.js';
import { checkFunctions, checkDeclarations } from './declarations.js';
import { ABI_VERSION } from '../abi.js';

export function check(d) {
  if (d.abi !== BigInt(ABI_VERSION)) {
    throw new DescriptorError(
      `module was built for descriptor version ${d.abi} but this runtime reads version ${ABI_VERSION}; `
        + 'delete the zigport cache so it is rebuilt',
    );
  }
  if (d.errorCodeBits < 1n || d.errorCodeBits > 32n) {
    throw new DescriptorError(`error codes of ${d.errorCodeBits} bits are not supported (expected 1 to 32)`);
  }
  if (d.pointerSize !== 4n && d.pointerSize !== 8n) {
    throw new DescriptorError(`addresses of ${d.pointerSize} bytes are not supported (expected 4 or 8)`);
  }
  d.types.forEach((t, index) => {
    try {
      checkType(d, BigInt(index), t);
    } catch (err) {
      if (err instanceof Problem) throw typeError(index, t.name, err.message);
      throw err;
    }
  });
  checkFunctions(d);
  checkDeclarations(d);
}

