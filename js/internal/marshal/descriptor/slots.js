// Where a function's frame holds addresses (the twin of
// marshal/src/descriptor/slots.rs): one slot per pointer or slice
// parameter (also inside an optional or error union), one per place of a
// parameter passed by value, and one per extra argument of a variadic
// function.
import { add, divCeil, max, mul, U64_MAX } from './u64.js';

/** The pointer slots of function `f` of the validated descriptor, in parameter order. */
export function pointerSlots(d, places, f) {
  const slots = [];
  f.params.forEach((p, param) => {
    const slot = slotAt(d, BigInt(param), p);
    if (slot !== null) slots.push(slot);
    else for (const place of places.of(p.typeIndex)) slots.push(byValue(BigInt(param), p.offset, place));
  });
  const v = f.variadic;
  if (v !== null) {
    for (let j = 0n; j < v.max; j += 1n) slots.push(variadicExtra(BigInt(f.params.length), v, j));
  }
  return slots;
}

/** Where `f`'s result holds an address, if it is a pointer or slice (possibly optional), else null. */
export function resultSlot(d, f) {
  return slotAt(d, BigInt(f.params.length), f.ret);
}

function slotAt(d, param, member) {
  const kindOf = (index) => d.types[Number(index)].kind;
  let p = member;
  let errorCode = null;
  const outer = kindOf(p.typeIndex);
  if (outer.tag === 'error_union') {
    errorCode = [add(p.offset, outer.codeOffset), divCeil(d.errorCodeBits, 8n)];
    p = { typeIndex: outer.payload, offset: add(p.offset, outer.valueOffset) };
  }
  let typeIndex = p.typeIndex;
  let base = p.offset;
  let presentOffset = null;
  const optional = kindOf(p.typeIndex);
  if (optional.tag === 'optional') {
    typeIndex = optional.child;
    presentOffset = add(p.offset, optional.presentOffset);
    base = add(p.offset, optional.valueOffset);
  }
  const k = kindOf(typeIndex);
  if (k.tag !== 'slice' && k.tag !== 'pointer') return null;
  const slice = k.tag === 'slice';
  const elem = d.types[Number(k.child)];
  const handle = elem.kind.tag === 'opaque';
  const takesMemory = handle && elem.name === 'anyopaque';
  return {
    addressOffset: slice ? add(base, k.ptrOffset) : base,
    cString: !slice && k.cString,
    elemAlign: max(elem.align, 1n),
    elemSize: takesMemory ? 1n : elem.size,
    errorCode,
    handle,
    lenOffset: slice ? add(base, k.lenOffset) : null,
    many: (!slice && k.many) || takesMemory,
    nullable: k.nullable,
    param,
    pointee: k.child,
    presentOffset,
    takesMemory,
    terminated: k.terminated || (!slice && k.cString),
    writable: !k.isConst,
  };
}

/**
 * The frame slot of variadic extra `j`, after the `fixed` parameters: bytes
 * C may write, with no places inside (`pointee` names no type).
 */
function variadicExtra(fixed, v, j) {
  return {
    addressOffset: add(add(v.extrasOffset, mul(j, v.stride)), v.address),
    cString: false,
    elemAlign: 1n,
    elemSize: 1n,
    errorCode: null,
    handle: false,
    lenOffset: null,
    many: true,
    nullable: true,
    param: fixed + j,
    pointee: U64_MAX,
    presentOffset: null,
    takesMemory: false,
    terminated: false,
    writable: true,
  };
}

/** The frame slot of `place` inside parameter `param` passed by value at frame offset `offset`. */
function byValue(param, offset, place) {
  return {
    addressOffset: add(offset, place.addressOffset),
    cString: place.cString,
    elemAlign: place.elemAlign,
    elemSize: place.elemSize,
    errorCode: null,
    handle: false,
    lenOffset: place.lenOffset === null ? null : add(offset, place.lenOffset),
    many: place.many,
    nullable: place.nullable,
    param,
    pointee: place.pointee,
    presentOffset: null,
    takesMemory: false,
    terminated: place.terminated,
    writable: place.writable,
  };
}
