// The check of a freshly instantiated WebAssembly module, in plain
// JavaScript (the twin of marshal/src/descriptor/ and of the runtime's
// runtime/src/wasm/mod.rs), so that the WebAssembly host needs no native
// addon: the module's exports, ABI version and layouts, then its
// descriptor, decoded and validated by the Rust rules with the Rust
// messages, and where each function's frame and each type's values hold
// addresses.
//
// - serde/: JSON decoding as serde_json does it; model.js: what it decodes;
// - validate/: the rules; places.js, slots.js: where addresses lie.
import { ABI_VERSION } from './abi.js';
import { DescriptorError, jsonError, moduleError } from './errors.js';
import { descriptorSpec } from './model.js';
import { Places } from './places.js';
import { SerdeError } from './serde/errors.js';
import { decodeJson } from './serde/json-decode.js';
import { pointerSlots, resultSlot } from './slots.js';
import { check } from './validate/index.js';

export { ABI_VERSION, DescriptorError };

/** Bytes of an address in wasm32. */
const WASM_POINTER_SIZE = 4n;

/** The exports a zigport WebAssembly module must have. */
export const WASM_REQUIRED_EXPORTS = Object.freeze([
  'memory',
  '__stack_pointer',
  'zigport_abi_version',
  'zigport_descriptor',
  'zigport_storage',
  'zigport_error_name',
  'zigport_check_layouts',
  'zigport_call',
  'zigport_alloc',
  'zigport_free',
  'zigport_call_memory',
  'zigport_keep_call_memory',
  'zigport_release_call_memory',
]);

/** Decodes descriptor text and validates it; throws a DescriptorError. */
export function parseDescriptor(text) {
  let d;
  try {
    d = decodeJson(descriptorSpec, text);
  } catch (err) {
    if (err instanceof SerdeError) throw jsonError(err);
    throw err;
  }
  check(d);
  return d;
}

/**
 * Checks a WebAssembly module from what the host read of it (`{ path,
 * exports, abiVersion, layoutsHold, descriptor, descriptorNotUtf8 }`) and
 * returns where each function's frame holds addresses and where values of
 * each type do: `{ functions: [{ params: [slot...], result: slot | null }],
 * places: [[place...] per type] }`. Throws an Error saying what is wrong.
 */
export function checkWasmModule(facts) {
  const { path } = facts;
  const missing = WASM_REQUIRED_EXPORTS.find((name) => !facts.exports.includes(name));
  if (missing !== undefined) throw moduleError.missingSymbol(path, missing);
  const found = facts.abiVersion ?? 0;
  if (found !== ABI_VERSION) throw moduleError.abiMismatch(path, found, ABI_VERSION);
  if (facts.layoutsHold !== true) throw moduleError.layoutMismatch(path);
  if (facts.descriptorNotUtf8 === true) throw moduleError.descriptorEncoding(path);
  let d;
  try {
    d = parseDescriptor(facts.descriptor ?? '');
  } catch (err) {
    if (err instanceof DescriptorError) throw moduleError.descriptor(path, err);
    throw err;
  }
  if (d.pointerSize !== WASM_POINTER_SIZE) throw moduleError.pointerSize(path, d.pointerSize, WASM_POINTER_SIZE);
  const places = new Places(d);
  return {
    functions: d.functions.map((f) => ({
      params: pointerSlots(d, places, f).map(slotJson),
      result: nullable(resultSlot(d, f), slotJson),
    })),
    places: places.table().map((list) => list.map(placeJson)),
  };
}

const num = (n) => Number(n);
const nullable = (value, convert) => (value === null ? null : convert(value));

/** A pointer slot as the Rust runtime's JSON has it (keys in its order). */
function slotJson(s) {
  return {
    address_offset: num(s.addressOffset),
    c_string: s.cString,
    elem_align: num(s.elemAlign),
    elem_size: num(s.elemSize),
    error_code: nullable(s.errorCode, (pair) => pair.map(num)),
    handle: s.handle,
    len_offset: nullable(s.lenOffset, num),
    many: s.many,
    nullable: s.nullable,
    param: num(s.param),
    pointee: num(s.pointee),
    present_offset: nullable(s.presentOffset, num),
    takes_memory: s.takesMemory,
    terminated: s.terminated,
    writable: s.writable,
  };
}

/** A place as the Rust runtime's JSON has it (keys in its order). */
function placeJson(p) {
  return {
    address_offset: num(p.addressOffset),
    c_string: p.cString,
    elem_align: num(p.elemAlign),
    elem_size: num(p.elemSize),
    len_offset: nullable(p.lenOffset, num),
    many: p.many,
    nullable: p.nullable,
    pointee: num(p.pointee),
    terminated: p.terminated,
    writable: p.writable,
  };
}
