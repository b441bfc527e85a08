// The refusals of a module's descriptor and of the module itself, worded as
// the Rust runtime words them (marshal's DescriptorError, runtime's
// RuntimeError), so that both runtimes refuse alike.

/** Why a module's descriptor was refused. */
export class DescriptorError extends Error {}

export const typeError = (index, name, problem) => new DescriptorError(`type #${index} (${name}): ${problem}`);
export const functionError = (name, problem) => new DescriptorError(`function ${name}: ${problem}`);
export const declarationError = (name, problem) => new DescriptorError(`declaration ${name}: ${problem}`);
export const jsonError = (err) => new DescriptorError(`descriptor is not valid JSON (${err.message})`);

/** The refusals of a WebAssembly module (Rust's RuntimeError), for the module at `path`. */
export const moduleError = {
  missingSymbol: (path, symbol) => new Error(
    `${path} lacks ${symbol}: it is not a zigport module, or another zigport version built it; `
      + 'delete the zigport cache so it is rebuilt',
  ),
  abiMismatch: (path, found, expected) => new Error(
    `${path} was built for ABI version ${found} but this runtime speaks version ${expected}; `
      + 'delete the zigport cache so it is rebuilt',
  ),
  layoutMismatch: (path) => new Error(
    `compiled module ${path} lays out an optional or error union differently than zigport expects `
      + '(was it built by a Zig other than 0.15.2, 0.16.x or 0.17.x?)',
  ),
  pointerSize: (path, found, expected) => new Error(
    `compiled module ${path} was built for ${found}-byte addresses; this runtime needs ${expected}`,
  ),
  descriptor: (path, source) => new Error(`compiled module ${path} has an invalid descriptor: ${source.message}`),
  descriptorEncoding: (path) => new Error(`compiled module ${path} has a descriptor that is not UTF-8`),
};
