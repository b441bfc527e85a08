// Where each typed array's memory is, asked of the addon once per array
// (on its second call), so that a call passing one to a slice parameter can
// write the address and length into its frame itself and run through the
// scalar invoker: N-API's look at a typed array (its kind, length, offset
// and buffer) costs more than the rest of such a call. Only for modules
// that never call JS back, where nothing can detach or shrink the array
// while Zig runs.
//
// The address stays right as long as the array is attached: the first
// query moves an array kept on the JS heap into an ArrayBuffer of its own,
// and an ArrayBuffer's memory never moves (a resizable one reserves its
// largest size up front). Detaching (a transfer) empties the array, which
// its length shows, so a stale address is never used. The length is read
// with the typed array getter itself: an own `length` property on the
// array must not decide how many bytes Zig may touch.

const TypedArray = Object.getPrototypeOf(Uint8Array);
const getLength = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length').get;

/** The element count of typed array `view`, 0 when it is detached or out of bounds. */
export const lengthOf = Function.prototype.call.bind(getLength);

/**
 * Each typed array's `{ lo, hi }` address halves (or null where it has
 * none), kept on the array itself in a private field, which code outside
 * this module cannot see or change. A WeakMap would do as well, but its
 * entries keep arrays alive until a full collection: code making new
 * arrays and calling with each a few times then settled at about 50 MB more
 * memory. A field dies with its array in the young generation.
 */
class Stamp {
  constructor(target) {
    return target;
  }
}

class AddressNote extends Stamp {
  #address;

  constructor(view, address) {
    super(view);
    this.#address = address;
  }

  /** The address noted on `view`, or undefined. */
  static of(view) {
    return #address in view ? view.#address : undefined;
  }
}

/**
 * The arrays seen lately whose addresses are not known: an array is learned
 * on its second call, not its first. Code that makes a new array for every
 * call would otherwise pay for noting each (as much as the call), and
 * gain nothing. A few are kept, so that calls alternating between arrays
 * learn them too; they are strong references, so at most this many arrays
 * stay alive for it, none of them large (below).
 */
const recent = [null, null, null, null];
let next = 0;

/**
 * Arrays of this many bytes or more are noted on their first call instead:
 * the query costs nothing next to work on that much memory, and holding
 * them here would keep up to four large arrays alive after the program
 * dropped them (four files read and hashed once each, say). A small view
 * over a large buffer still goes through the ring, and keeps that buffer.
 */
const NOTED_AT_ONCE = 64 * 1024;

/**
 * The two u32 halves of the address of `view`'s first element, `{ lo, hi }`;
 * null for a typed array whose memory a call cannot take in place (shared,
 * absent) and for anything that is no typed array; undefined the first time
 * an array is seen, when the caller passes it the usual way. `viewAddress`
 * is the addon's query.
 */
export function addressOf(view, viewAddress) {
  // What passed for the class without being an object (a primitive whose
  // prototype's constructor was changed) has no memory to note.
  if (typeof view !== 'object') return null;
  const noted = AddressNote.of(view);
  if (noted !== undefined) return noted;
  const at = recent.indexOf(view);
  if (at >= 0) recent[at] = null;
  else if (byteLengthOf(view) < NOTED_AT_ONCE) {
    recent[next] = view;
    next = (next + 1) % recent.length;
    return undefined;
  }
  const address = viewAddress(view);
  const found = address === null ? null : { lo: address % 0x1_0000_0000, hi: Math.floor(address / 0x1_0000_0000) };
  try {
    new AddressNote(view, found);
  } catch {
    // An object that takes no new fields (where engines refuse them on
    // non-extensible objects): its calls go the usual way.
    return undefined;
  }
  return found;
}

const getByteLength = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'byteLength').get;

/** The byte length of typed array `view`; 0 for what is no typed array. */
function byteLengthOf(view) {
  try {
    return getByteLength.call(view);
  } catch {
    return 0;
  }
}
