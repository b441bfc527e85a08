// The regions of wasm memory that ties have used and left: a free list kept
// in address order, where a region given back merges with its neighbours.
// Without merging, buffers of varying sizes tied and collected over a long
// run cut the regions into pieces too small for the next tie, and the
// memory (which never shrinks) grows with every call that needs more.

export class TieRegions {
  constructor() {
    /** `{ address, length }`, in address order, none touching the next. */
    this.free = [];
  }

  /**
   * The address of `length` bytes from the smallest free region that holds
   * them (the rest stays free), or -1 when none does.
   */
  take(length) {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const region = this.free[i];
      if (region.length >= length && (best < 0 || region.length < this.free[best].length)) best = i;
    }
    if (best < 0) return -1;
    const region = this.free[best];
    if (region.length === length) this.free.splice(best, 1);
    else this.free[best] = { address: region.address + length, length: region.length - length };
    return region.address;
  }

  /**
   * The free region that ends at `end` (the end of the memory), which a tie
   * may extend by growing the memory, or null.
   */
  endingAt(end) {
    const last = this.free[this.free.length - 1];
    return last !== undefined && last.address + last.length === end ? last : null;
  }

  /** Removes `region` (one `endingAt` gave) from the list. */
  remove(region) {
    this.free.splice(this.free.indexOf(region), 1);
  }

  /** Gives `length` bytes at `address` back, merged with free neighbours. */
  give(address, length) {
    let i = 0;
    while (i < this.free.length && this.free[i].address < address) i++;
    const before = this.free[i - 1];
    const after = this.free[i];
    let region = { address, length };
    if (before && before.address + before.length === address) {
      region = { address: before.address, length: before.length + length };
      this.free.splice(--i, 1);
    }
    if (after && region.address + region.length === after.address) {
      region = { address: region.address, length: region.length + after.length };
      this.free.splice(i, 1);
    }
    this.free.splice(i, 0, region);
  }

  /** Total free bytes (for tests). */
  get bytes() {
    return this.free.reduce((sum, r) => sum + r.length, 0);
  }
}
