// The fields of packed structs, which lie at any bit. Bools, integers and
// enums convert straight from their bits. Other values Zig packs (floats,
// void, function pointers) are moved through a scratch copy of their own
// type: their bits are put at its start and read as that type reads, and a
// write goes the other way. Vectors and nested packed structs read as live
// views where they start on a byte, as Zigar's do; pointers to data are
// followed as pointer fields are (pointer-field.js), where they start on a
// byte and the struct lies in Zig's memory.
import { AT, DV, assertWritable, childView, trackerOf } from './memory.js';
import {
  fromBits, isBitScalar, readBits, toBits, writeBits,
} from './bits.js';
import { isZigMemory } from '../runtime/zig-memory.js';

/**
 * The property descriptor of packed field `f` (its descriptor, with `type`
 * resolved on first use for pointers) of struct `name`, whose size is
 * `structSize`; `kind` is the field type's descriptor kind.
 */
export function packedField(f, kind, name, structSize) {
  const where = `${name}.${f.name}`;
  const { bit_offset: bitOffset, bits } = f;
  const byte = bitOffset % 8 === 0 ? bitOffset / 8 : -1;
  if (kind === 'pointer') return pointerField(f, byte, where);
  const type = f.type;
  if (isBitScalar(type)) {
    return accessor(
      (self) => fromBits(type, readBits(self[DV], self[AT], bitOffset, bits), bits),
      (self, value, at) => writeBits(self[DV], self[AT], bitOffset, bits, toBits(type, value, at)),
      where,
    );
  }
  const write = (self, value, at) => writeBits(self[DV], self[AT], bitOffset, bits, bitsOf(type, bits, value, at));
  if (typeof type.view !== 'function') {
    return accessor((self) => type.read(scratchHolding(type, self, bitOffset, bits), 0), write, where);
  }
  // A view must lie inside the struct's own bytes.
  const viewable = byte >= 0 && byte + type.size <= structSize;
  return accessor((self) => {
    if (!viewable) throw new TypeError(`Unable to create ${type.name} as it is not situated on a byte boundary: ${f.name}`);
    return childView(self, f.name, (dv, at, ro) => type.view(dv, at + byte, ro));
  }, write, where);
}

function accessor(get, set, where) {
  return {
    get() { return get(this); },
    set(value, at = where) {
      assertWritable(this, where);
      set(this, value, at);
    },
    enumerable: true,
  };
}

/** A scratch DataView of `type`'s size whose first `bits` bits are the field's. */
function scratchHolding(type, self, bitOffset, bits) {
  const scratch = new DataView(new ArrayBuffer(type.size));
  writeBits(scratch, 0, 0, bits, readBits(self[DV], self[AT], bitOffset, bits));
  return scratch;
}

/** The first `bits` bits of `value` written as `type` writes it (which checks it). */
function bitsOf(type, bits, value, where) {
  const scratch = new DataView(new ArrayBuffer(type.size));
  type.write(scratch, 0, value, where);
  return readBits(scratch, 0, 0, bits);
}

/**
 * A single-item pointer to data. On a byte it is a pointer field at that
 * byte; elsewhere nothing can follow it. JS memory cannot be pointed at
 * from a packed struct in JS memory: calls place pointers only at their
 * slots, which packed structs do not have (support.zig keeps such structs
 * out of calls), so such a write is refused rather than lost.
 */
function pointerField(f, byte, where) {
  const offBoundary = () => new TypeError(`${where}: a pointer that does not start on a byte boundary cannot be followed`);
  return {
    get() {
      if (byte < 0) throw offBoundary();
      return f.type.read(this[DV], this[AT] + byte);
    },
    set(value, at = where) {
      assertWritable(this, where);
      if (byte < 0) throw offBoundary();
      const buffer = this[DV].buffer;
      if (!isZigMemory(buffer) && !trackerOf(buffer)) {
        throw new TypeError(`${at}: a pointer in a packed struct can only be set where Zig's memory holds the struct (a Zig variable), not in JS memory`);
      }
      f.type.write(this[DV], this[AT] + byte, value, at);
    },
    enumerable: true,
  };
}
