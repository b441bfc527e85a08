// `std.mem.Allocator` as a JS value. Read from Zig (a constant, a variable,
// a field, a result) it is an `Allocator` object holding the allocator's two
// addresses: `alloc(len, align)` gives Zig memory as a DataView, `free(x)`
// gives it back, `dupe(x)` copies into new Zig memory. Passed in a call's
// options (`{ allocator }`), it is the one a `std.mem.Allocator` parameter
// gets; otherwise that parameter gets the host's (memory as JS memory).
import { typeMismatch } from '../errors.js';
import { AT, DV } from './memory.js';

const WORDS = Symbol('zigport.allocatorWords');
const encoder = new TextEncoder();

/**
 * What `alloc` gave, by ArrayBuffer and byte offset: `{ length, align,
 * freed }`, to free it as it was made and refuse a second `free`. (Zig memory
 * at one address is one ArrayBuffer, so a DataView and the objects cast
 * over it find the same entry.)
 */
const ledger = new WeakMap();

function entryOf(dv) {
  return ledger.get(dv.buffer)?.get(dv.byteOffset);
}

function record(dv, align) {
  let entries = ledger.get(dv.buffer);
  if (!entries) ledger.set(dv.buffer, (entries = new Map()));
  entries.set(dv.byteOffset, { length: dv.byteLength, align, freed: false });
}

/** The allocator the current call's options named, written into its allocator parameter. */
let optionsAllocator = null;

/** Runs `call` with `allocator` (an Allocator object) as its allocator parameter's value. */
export function callWithAllocator(allocator, call, where) {
  if (!(allocator instanceof Allocator)) throw typeMismatch(where, 'std.mem.Allocator', 'an allocator read from Zig', allocator);
  optionsAllocator = allocator;
  try {
    return call();
  } finally {
    optionsAllocator = null;
  }
}

/**
 * Builds the converter for the `allocator` type descriptor; `helpers()`
 * gives the module's `{ alloc, free }` functions once it is built.
 */
export function allocatorType(t, helpers) {
  const word = t.size / 2;
  const readWord = (dv, at) => (word === 8 ? Number(dv.getBigUint64(at, true)) : dv.getUint32(at, true));
  const writeWord = (dv, at, v) => (word === 8 ? dv.setBigUint64(at, BigInt(v), true) : dv.setUint32(at, v, true));
  return {
    ...t,
    // As a parameter, JS does not pass it (its options may).
    hidden: true,
    read(dv, offset) {
      const words = [readWord(dv, offset + t.ptr_offset), readWord(dv, offset + t.vtable_offset)];
      return new Allocator(words, helpers);
    },
    write(dv, offset, value, where) {
      const given = value === undefined ? optionsAllocator : value;
      if (given !== null && !(given instanceof Allocator)) {
        throw typeMismatch(where, 'std.mem.Allocator', 'an allocator read from Zig', given);
      }
      // Zeros ask the thunk for the host's allocator (wire.zig).
      const [ptr, vtable] = given?.[WORDS] ?? [0, 0];
      writeWord(dv, offset + t.ptr_offset, ptr);
      writeWord(dv, offset + t.vtable_offset, vtable);
    },
    inline: null,
  };
}

/** A Zig allocator JS holds. */
export class Allocator {
  constructor(words, helpers) {
    this[WORDS] = words;
    Object.defineProperty(this, 'helpers', { value: helpers });
  }

  /** `len` bytes of Zig memory aligned to `align`, as a DataView. */
  alloc(len, align = 1) {
    if (!Number.isSafeInteger(len) || len < 0) throw new TypeError(`Allocator.alloc(): invalid length: ${len}`);
    if (!Number.isSafeInteger(align) || align < 1 || align > 0x8000 || (align & (align - 1)) !== 0) {
      throw new Error(`Invalid alignment: ${align}`);
    }
    const slice = this.helpers().alloc(...this[WORDS], len, align);
    if (slice === null) throw new Error('Out of memory');
    const dv = new DataView(slice[DV].buffer, slice[DV].byteOffset + slice[AT], len);
    record(dv, align);
    return dv;
  }

  /** Gives back memory `alloc` or `dupe` gave (a DataView, or an object viewing it). */
  free(memory) {
    const dv = memory instanceof DataView ? memory : memory?.[DV] !== undefined ? memory.dataView : null;
    const entry = dv && entryOf(dv);
    if (!entry) {
      throw new TypeError('Expected an object containing allocated Zig memory, received '
        + (memory === null || typeof memory !== 'object' ? String(memory) : memory.constructor.name));
    }
    if (entry.freed) throw new TypeError('Object has been freed already');
    this.helpers().free(...this[WORDS], new DataView(dv.buffer, dv.byteOffset, entry.length), entry.align);
    entry.freed = true;
  }

  /**
   * A copy in new Zig memory of `value`: a string (as UTF-8), bytes (an
   * ArrayBuffer, typed array or DataView: a DataView back), or a Zig object
   * (an object of the same type back).
   */
  dupe(value) {
    if (value?.[DV] !== undefined) {
      const source = value.dataView;
      return value.constructor(this.dupe(source));
    }
    const bytes = typeof value === 'string' ? encoder.encode(value) : bytesOf(value);
    const dv = this.alloc(bytes.length, 8);
    new Uint8Array(dv.buffer, dv.byteOffset, dv.byteLength).set(bytes);
    return dv;
  }

  get [Symbol.toStringTag]() {
    return 'Allocator';
  }
}

function bytesOf(value) {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw typeMismatch('Allocator.dupe()', 'bytes', 'a string, ArrayBuffer, typed array, DataView or Zig object', value);
}
