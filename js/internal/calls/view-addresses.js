// Where each typed array's memory is, asked of the addon once per array
// (from its second call on), so
// that a call passing one to a slice parameter can write the address and
// length into its frame itself and run through the scalar invoker: N-API's
// look at a typed array (its kind, length, offset and buffer) costs more
// than the rest of such a call. Only for modules that never call JS back,
// where nothing can detach or shrink the array while Zig runs.
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

/** `{ lo, hi }` halves of each typed array's address, or null where there is none. */
const known = new WeakMap();

/**
 * The arrays seen lately whose addresses are not known: an array is learned
 * on its second call, not its first. Code that makes a new array for every
 * call would otherwise pay for remembering each (a WeakMap entry costs
 * about as much as the call), and gain nothing. A few are kept, so that
 * calls alternating between arrays learn them too; they are strong
 * references, so at most this many arrays stay alive for it.
 */
const recent = [null, null, null, null];
let next = 0;

/**
 * The two u32 halves of the address of `view`'s first element, `{ lo, hi }`;
 * null for a typed array whose memory a call cannot take in place (shared,
 * absent) and for anything that is no typed array; undefined the first time
 * an array is seen, when the caller passes it the usual way. `viewAddress`
 * is the addon's query.
 */
export function addressOf(view, viewAddress) {
  let found = known.get(view);
  if (found === undefined) {
    const at = recent.indexOf(view);
    if (at < 0) {
      recent[next] = view;
      next = (next + 1) % recent.length;
      return undefined;
    }
    recent[at] = null;
    const address = viewAddress(view);
    found = address === null ? null : { lo: address % 0x1_0000_0000, hi: Math.floor(address / 0x1_0000_0000) };
    known.set(view, found);
  }
  return found;
}
