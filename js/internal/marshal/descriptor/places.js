// Where values hold addresses (the twin of marshal/src/descriptor/places.rs).
// A place is one pointer or slice inside a value of some type: a struct
// field, an element of an array field, or the value itself when it is a
// pointer. The runtime writes every place of every target a call passes.
import { add, mul } from './u64.js';

/** Most places one type may hold (an array of pointers counts each). */
export const MAX_PLACES = 4096;
/** How deep structs and arrays may nest by value before a type is refused. */
const MAX_DEPTH = 32;

/** The places of a validated descriptor's types, computed once per type. */
export class Places {
  constructor(d) {
    this.d = d;
    this.known = new Map();
  }

  /** The places of every type, by type index. */
  table() {
    return this.d.types.map((_, i) => this.of(BigInt(i)));
  }

  /**
   * The places inside one value of type `index`, in field and element
   * order. Types nesting too deep or holding more than MAX_PLACES report none.
   */
  of(index) {
    let out = this.known.get(index);
    if (out === undefined) {
      out = [];
      if (!this.collect(index, 0n, 0, out)) out = [];
      this.known.set(index, out);
    }
    return out;
  }

  /** The place a pointer or slice value of type `index` is, at `offset`; null for others and handles. */
  placeOf(index, offset) {
    const k = this.d.types[Number(index)].kind;
    if (k.tag !== 'slice' && k.tag !== 'pointer') return null;
    const elem = this.d.types[Number(k.child)];
    if (elem.kind.tag === 'opaque') return null;
    const slice = k.tag === 'slice';
    return {
      addressOffset: add(offset, slice ? k.ptrOffset : 0n),
      cString: !slice && k.cString,
      elemAlign: elem.align,
      elemSize: elem.size,
      lenOffset: slice ? add(offset, k.lenOffset) : null,
      many: !slice && k.many,
      nullable: k.nullable,
      pointee: k.child,
      terminated: k.terminated || (!slice && k.cString),
      writable: !k.isConst,
    };
  }

  /** Appends the places of a value of type `index` at `offset`; false when there are too many or too deep. */
  collect(index, offset, depth, out) {
    if (depth > MAX_DEPTH || out.length > MAX_PLACES) return false;
    const place = this.placeOf(index, offset);
    if (place !== null) {
      out.push(place);
      return true;
    }
    const k = this.d.types[Number(index)].kind;
    if (k.tag === 'struct' && !k.union && k.layout !== 'packed') {
      for (const f of k.fields) {
        if (!f.comptime && !this.collect(f.typeIndex, add(offset, f.offset), depth + 1, out)) return false;
      }
    } else if (k.tag === 'array' && this.of(k.child).length > 0) {
      const stride = this.d.types[Number(k.child)].size;
      for (let i = 0n; i < k.len; i += 1n) {
        if (!this.collect(k.child, add(offset, mul(i, stride)), depth + 1, out)) return false;
        if (out.length > MAX_PLACES) return false;
      }
    }
    return true;
  }
}
