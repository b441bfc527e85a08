// A block of wasm memory the host keeps for copies of small arguments, taken
// and given back in stack order: a call takes what it needs above `top` and
// puts `top` back when it returns, so a call made from a callback during it
// takes the space above. It spares most calls two trips into Zig's
// allocator.

export class ScratchStack {
  /** The `size` bytes at wasm address `base`. */
  constructor(base, size) {
    this.top = base;
    this.end = base + size;
  }

  /** The address of `len` bytes aligned to `align` (a power of two), moving `top` past them; -1 when they do not fit. */
  take(len, align) {
    const at = Math.ceil(this.top / align) * align;
    if (at + len > this.end) return -1;
    this.top = at + len;
    return at;
  }
}
