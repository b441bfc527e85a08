// What pointer fields point at, kept beside the memory that holds them. The
// bytes of a pointer field in JS memory mean nothing (JS never writes an
// address; the runtime writes them during a call), so the target JS
// assigned is remembered here, keyed by the ArrayBuffer and byte offset of
// the field. A call walks these entries to describe every target; copying a
// value's bytes copies its entries along.
const byBuffer = new WeakMap();

/** Remembers that the pointer at (`buffer`, `offset`) points at `entry` (null clears). */
export function setTarget(buffer, offset, entry) {
  let entries = byBuffer.get(buffer);
  if (!entries) {
    if (entry === null) return;
    byBuffer.set(buffer, (entries = new Map()));
  }
  if (entry === null) entries.delete(offset);
  else entries.set(offset, entry);
}

/** The entry for the pointer at (`buffer`, `offset`), or undefined. */
export function getTarget(buffer, offset) {
  return byBuffer.get(buffer)?.get(offset);
}

/**
 * Copies the entries of `size` bytes from one place to another (after a
 * byte copy). Returns the entries copied, each with its new offset.
 */
export function copyTargets(fromBuffer, fromOffset, toBuffer, toOffset, size) {
  const from = byBuffer.get(fromBuffer);
  const to = byBuffer.get(toBuffer);
  if (to) for (const offset of [...to.keys()]) if (offset >= toOffset && offset < toOffset + size) to.delete(offset);
  if (!from) return [];
  const copied = [];
  for (const [offset, entry] of [...from]) {
    if (offset < fromOffset || offset >= fromOffset + size) continue;
    const at = offset - fromOffset + toOffset;
    setTarget(toBuffer, at, entry);
    copied.push([at, entry]);
  }
  return copied;
}
