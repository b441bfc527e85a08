// Checks on what a module declares (the twin of
// marshal/src/descriptor/validate/declarations.rs): every function's frame,
// the declarations' types and storage slots, and unique names.
import { declarationError, functionError } from '../errors.js';
import { add, at, isMultipleOf, isPowerOfTwo, saturatingAdd, saturatingMul } from '../u64.js';
import { comptimeOnly, followable, inMemory, MAX_EXTENT } from './kinds.js';
import { Problem, within } from './problem.js';
import { checkValue } from './values.js';

/** Most trampolines a function type may have. */
const MAX_CALLBACK_SLOTS = 4096n;
/** Most extra arguments a variadic function may take. */
const MAX_VARIADIC_EXTRAS = 256n;

/** Runs `check`, turning its Problem into `wrap(problem)`. */
function refuse(wrap, check) {
  try {
    check();
  } catch (err) {
    if (err instanceof Problem) throw wrap(err.message);
    throw err;
  }
}

export function checkFunctions(d) {
  const thunks = new Set();
  for (const f of d.functions) {
    const fail = (problem) => functionError(f.name, problem);
    if (f.thunk >= BigInt(d.functions.length) || thunks.has(f.thunk)) {
      throw fail(`thunk index ${f.thunk} is out of range or repeated`);
    }
    thunks.add(f.thunk);
    refuse(fail, () => checkMembers(d, f.frame, f.params, f.ret));
    refuse(fail, () => checkCallback(d, f));
    refuse(fail, () => checkVariadic(d, f));
    if (f.owner !== null && !canDeclare(at(d.types, f.owner)?.kind)) throw fail('owner is not a struct type');
  }
}

/** A callback frame belongs to a caller, and its members fit it as a frame's do. */
function checkCallback(d, f) {
  const callback = f.callback;
  if (callback === null) return;
  if (f.role !== 'caller') throw new Problem('only the caller of a function pointer type has a callback frame');
  if (callback.slots === 0n || callback.slots > MAX_CALLBACK_SLOTS) {
    throw new Problem(`${callback.slots} callback slots is not between 1 and ${MAX_CALLBACK_SLOTS}`);
  }
  within('callback ', () => checkMembers(d, callback.frame, callback.params, callback.ret));
}

/**
 * A variadic function's count and extra records lie inside its frame,
 * aligned, apart from each other and from its parameters and result.
 */
function checkVariadic(d, f) {
  const v = f.variadic;
  if (v === null) return;
  if (f.role !== null) throw new Problem('only a declared function can be variadic');
  if (v.max === 0n || v.max > MAX_VARIADIC_EXTRAS) {
    throw new Problem(`${v.max} variadic extras is not between 1 and ${MAX_VARIADIC_EXTRAS}`);
  }
  // Saturating: a bogus offset must fail the check, not overflow.
  const apart = saturatingAdd(v.bits, 8n) <= v.address || saturatingAdd(v.address, 8n) <= v.bits;
  const fitsRecord = (offset) => offset >= 4n && isMultipleOf(offset, 8n) && saturatingAdd(offset, 8n) <= v.stride;
  if (v.stride % 8n !== 0n || !fitsRecord(v.bits) || !fitsRecord(v.address) || !apart) {
    throw new Problem(
      `variadic extras of ${v.stride} bytes with bits at ${v.bits} and address at ${v.address} do not fit`,
    );
  }
  const extras = [v.extrasOffset, saturatingAdd(v.extrasOffset, saturatingMul(v.max, v.stride))];
  const count = [v.countOffset, saturatingAdd(v.countOffset, 4n)];
  const fits = ([, end]) => end <= f.frame.size;
  if (!fits(extras) || !fits(count) || v.countOffset % 4n !== 0n || v.extrasOffset % 8n !== 0n || f.frame.align < 8n) {
    throw new Problem('variadic extras do not fit the frame');
  }
  if (count[0] < extras[1] && extras[0] < count[1]) throw new Problem('variadic count overlaps the extras');
  // Parameters and the result lie apart from both (in whatever order Zig laid the frame out).
  const overlaps = (m, [start, end]) => {
    const size = at(d.types, m.typeIndex)?.size ?? 0n;
    return m.offset < end && start < add(m.offset, size);
  };
  if ([...f.params, f.ret].some((m) => overlaps(m, extras) || overlaps(m, count))) {
    throw new Problem('variadic extras overlap a parameter or the result');
  }
}

function checkMembers(d, frame, params, ret) {
  if (frame.size > MAX_EXTENT || !isPowerOfTwo(frame.align) || frame.align > 4096n) {
    throw new Problem(`frame alignment ${frame.align} is not a power of two up to 4096`);
  }
  const members = [...params.map((p) => ['parameter', p]), ['result', ret]];
  for (const [what, m] of members) {
    const t = within(`${what}: `, () => memberType(d, m));
    if (m.offset > MAX_EXTENT || m.offset % t.align !== 0n || m.offset + t.size > frame.size || t.align > frame.align) {
      throw new Problem(`${what} of type ${t.name} does not fit its frame at offset ${m.offset}`);
    }
  }
}

function memberType(d, m) {
  const t = at(d.types, m.typeIndex);
  if (t === undefined) throw new Problem(`refers to missing type #${m.typeIndex}`);
  if (comptimeOnly(t.kind) || t.kind.tag === 'unsupported') {
    throw new Problem(`type ${t.name} cannot be passed at run time`);
  }
  return t;
}

export function checkDeclarations(d) {
  const names = new Set();
  const all = [
    ...d.functions.filter((f) => f.role === null && !f.hidden),
    ...d.variables, ...d.constants, ...d.typeDecls, ...d.unsupported,
  ];
  for (const { owner, name } of all) {
    // Rust keys the set by (owner, name).
    const key = `${owner ?? '-'}:${name}`;
    if (name === '' || names.has(key)) throw declarationError(name, 'name is empty or declared twice');
    names.add(key);
    if (owner !== null && !canDeclare(at(d.types, owner)?.kind)) {
      throw declarationError(name, 'declared in something that is not a struct type');
    }
  }
  const slots = new Set();
  for (const v of d.variables) {
    const t = at(d.types, v.typeIndex);
    const storable = t !== undefined && (inMemory(t.kind) || followable(d, t.kind));
    if (!storable || v.slot >= BigInt(d.variables.length) || slots.has(v.slot)) {
      throw declarationError(v.name, 'bad type or storage slot');
    }
    slots.add(v.slot);
  }
  const badDecl = d.typeDecls.find((decl) => {
    const t = at(d.types, decl.typeIndex);
    return t === undefined || (!inMemory(t.kind) && !comptimeOnly(t.kind) && !declaresPointers(t.kind));
  });
  if (badDecl) throw declarationError(badDecl.name, 'type declaration refers to a missing or unsupported type');
  for (const c of d.constants) {
    const t = at(d.types, c.typeIndex);
    if (t === undefined || !comptimeOnly(t.kind)) {
      throw declarationError(c.name, 'a comptime value must have a comptime-only type');
    }
    refuse((problem) => declarationError(c.name, problem), () => checkValue(d, c.typeIndex, c.value));
  }
}

/** Kinds of declared types that are no values in memory: opaque types, pointers and slices. */
const declaresPointers = (kind) => ['opaque', 'pointer', 'slice'].includes(kind.tag);

/** Kinds that may declare functions and constants. */
const canDeclare = (kind) =>
  kind !== undefined && ['struct', 'enum', 'opaque', 'comptime_struct', 'comptime_union'].includes(kind.tag);
