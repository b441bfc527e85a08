// Builds the JS function for a Zig function with several pointer or slice
// parameters, or a pointer result. Scalars go into the frame as usual; each
// pointer argument becomes a record (slot, buffer index, byte offset, byte
// length) after the frame, and its ArrayBuffer an argument of the pointer
// invoker, which checks the ranges, plans copies and writes the addresses
// itself. A returned address comes back as a place in one of those
// ArrayBuffers or as an ArrayBuffer over Zig's own memory.
import { argumentCountError } from '../errors.js';
import { zigMemory, zigObject } from '../runtime/zig-memory.js';

const RECORD_SIZE = 32;
/** Most records one call may write (the runtime's limit too). */
const MAX_RECORDS = 4096;
const NO_PARENT = 0xffffffff;
/** Most distinct ArrayBuffers one call may pass (the runtime's limit too). */
const MAX_BUFFERS = 32;

/** Makes the callable for function descriptor `fn` (see function.js). */
export function makePointerFunction(fn, types, frames, id, afterOutput) {
  const { dv, header } = frames;
  const ret = types[fn.ret.type];
  // An allocator parameter is the runtime's to supply, not an argument.
  const params = fn.params.filter((p) => !types[p.type].hidden).map((p, i) => ({
    type: types[p.type],
    offset: p.offset,
    where: `${fn.name}(args[${i}])`,
  }));
  let slot = 0;
  for (const p of params) if (p.type.pointer) p.slot = slot++;
  const tableAt = (f) => Math.ceil((f + fn.frame.size) / 8) * 8;

  const call = function (...args) {
    if (args.length !== params.length) throw argumentCountError(fn.name, params.length, args.length);
    const f = frames.top;
    const table = tableAt(f);
    const buffers = [];
    let count = 0;
    const record = (s, buffer, byteOffset, byteLength, parent, element) => {
      if (count === MAX_RECORDS) throw new RangeError(`${fn.name}(): more than ${MAX_RECORDS} pointers in one call`);
      const at = table + count * RECORD_SIZE;
      dv.setUint32(at, s, true);
      dv.setUint32(at + 4, bufferIndex(buffers, buffer), true);
      dv.setFloat64(at + 8, byteOffset, true);
      dv.setFloat64(at + 16, byteLength, true);
      dv.setUint32(at + 24, parent, true);
      dv.setUint32(at + 28, element, true);
      return count++;
    };
    // Targets are found (and may throw) before anything is written for them.
    const found = params.map((p, i) => {
      const value = args[i];
      if (!p.type.pointer || (p.type.pointer.optional && (value === null || value === undefined))) return null;
      return p.type.target(value, p.where);
    });
    params.forEach((p, i) => {
      if (!p.type.pointer) return p.type.write(dv, f + p.offset, args[i], p.where);
      const m = found[i];
      if (m === null) return undefined;
      const parent = record(p.slot, m.buffer, m.byteOffset, m.byteLength, NO_PARENT, 0);
      const e = m.elements;
      for (let k = 0; e && k < e.owners.length; k++) record(p.slot, e.owners[k], e.offsets[k], e.lengths[k], parent, k);
      return undefined;
    });
    if (buffers.length > MAX_BUFFERS) {
      throw new RangeError(`${fn.name}(): more than ${MAX_BUFFERS} distinct ArrayBuffers in one call`);
    }
    header[0] = f;
    header[1] = id;
    header[2] = count;
    header[3] = table;
    const external = frames.invokeWithPointers(...buffers);
    if (header[4] !== 0) afterOutput();
    if (!ret.pointer) return ret.read(dv, f + fn.ret.offset);
    ret.throwIfError?.(dv, f + fn.ret.offset);
    return pointerResult(ret, buffers, external);
  };
  Object.defineProperty(call, 'name', { value: fn.name });
  return call;

  /** The index of `buffer` among the invoker's arguments, adding it once. */
  function bufferIndex(list, buffer) {
    const found = list.indexOf(buffer);
    return found >= 0 ? found : list.push(buffer) - 1;
  }

  /** The object for a returned address (see Arena::set_call_outcome in the runtime). */
  function pointerResult(type, buffers, external) {
    const byteLength = dv.getFloat64(40, true);
    switch (header[5]) {
      case 1: return type.result(buffers[header[6]], dv.getFloat64(32, true), byteLength);
      case 3: return type.result(external, dv.getFloat64(32, true), byteLength);
      case 4: return type.result(external);
      case 2: {
        const memory = zigMemory(dv.getFloat64(48, true), byteLength, external);
        return zigObject(memory, type.name, () => type.result(memory, 0, byteLength));
      }
      default: return null;
    }
  }
}
