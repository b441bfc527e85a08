// Ties: a buffer made by `tieableBuffer()` (memfd-backed) is mapped into a
// module's wasm memory instead of copied, the first time a call passes it.
// Its pages are then the same physical pages on both sides, so later calls
// move no bytes and writes on either side are seen by the other. A tie
// lasts while both the buffer and the instance live:
// - it is undone (private zero pages restored) when the buffer is
//   collected, and its region goes to the next tie;
// - it is dropped when V8 moved the memory on growth (the mapping did not
//   move with it), and the next call ties again;
// - the instance's end unmaps the whole memory, mapping included.
// Where tying is not possible (no memfd, the runtime's cap on live ties),
// the buffer is copied like any other.
//
// Mapping pages takes syscalls only zigport's native addon makes, so ties
// are a capability the host is given when it runs in Node with the addon
// (loader/load-wasm.js); elsewhere the host has `NO_TIES` and copies.

import { TieRegions } from './tie-regions.js';

const WASM_PAGE = 65536;
/** The region of a buffer that is not tieable. */
const UNTIEABLE = Object.freeze({ address: -1 });

/** Ties where none can be made: no buffer is ever in wasm memory but its own. */
export const NO_TIES = Object.freeze({ addressOf: () => -1 });

export class Ties {
  /**
   * `pages` maps and unmaps memory: the addon's `pageSize`, `isTieable`,
   * `tiePages`, `untiePages`, `memoryAddress`, `forgetTies` and
   * `forgetTiesAtExit`.
   */
  constructor(instance, pages) {
    this.instance = instance;
    this.pages = pages;
    this.pageSize = pages.pageSize();
    /** buffer -> { address, length } in wasm memory. */
    this.regions = new WeakMap();
    this.base = null;
    this.live = new Set();
    /** Regions of wasm memory no tie uses now. */
    this.spare = new TieRegions();
    this.collected = new FinalizationRegistry((region) => this.release(region));
    instance.memory.onGrowth.push(() => this.checkBase());
  }

  /** The wasm address of `buffer`'s first byte if it is (or can now be) tied, else -1. */
  addressOf(buffer) {
    const known = this.regions.get(buffer);
    if (known !== undefined) return known.address;
    if (!this.pages.isTieable(buffer)) {
      // A buffer never becomes tieable; asking the runtime once is enough.
      this.regions.set(buffer, UNTIEABLE);
      return -1;
    }
    return this.tie(buffer);
  }

  tie(buffer) {
    const { instance } = this;
    const { pages } = this;
    const length = Math.ceil(buffer.byteLength / this.pageSize) * this.pageSize;
    let address;
    try {
      address = this.takeSpace(length);
    } catch {
      return -1; // the memory cannot grow that far: copy instead
    }
    if (!pages.tiePages(instance.memory.buffer, address, buffer, 0, length)) {
      this.spare.give(address, length);
      return -1;
    }
    if (this.base === null) {
      this.base = pages.memoryAddress(instance.memory.buffer);
      pages.forgetTiesAtExit(this.base);
    }
    const region = { address, length, tied: true };
    this.regions.set(buffer, region);
    this.live.add(region);
    this.collected.register(buffer, region);
    return address;
  }

  /**
   * `length` bytes of wasm memory for a tie: a spare region left by earlier
   * ties when one is large enough, else pages the memory grows by (joined
   * to a spare region at its end, if there is one). Tie regions come from
   * growing the memory rather than from Zig's allocator, which would round
   * a large request up to a power of two (and grow the memory by up to four
   * times the buffer's size).
   */
  takeSpace(length) {
    const found = this.spare.take(length);
    if (found >= 0) return found;
    const { memory } = this.instance;
    const end = memory.memory.buffer.byteLength;
    const tail = this.spare.endingAt(end);
    const start = tail ? tail.address : end;
    const pages = Math.ceil((start + length - end) / WASM_PAGE);
    memory.memory.grow(pages);
    memory.sync();
    if (tail) this.spare.remove(tail);
    const grownEnd = end + pages * WASM_PAGE;
    if (grownEnd > start + length) this.spare.give(start + length, grownEnd - start - length);
    return start;
  }

  /** Undoes the tie of a collected buffer; its region is kept for the next tie. */
  release(region) {
    if (!this.live.delete(region)) return;
    const { instance } = this;
    if (region.tied) this.pages.untiePages(instance.memory.buffer, region.address, region.length);
    this.spare.give(region.address, region.length);
  }

  /**
   * After growth: if V8 moved the memory, every tie is stale (the new
   * memory holds a private copy of the pages); the regions are forgotten
   * so that the buffers are tied again on their next call.
   */
  checkBase() {
    if (this.base === null) return;
    const { pages } = this;
    const base = pages.memoryAddress(this.instance.memory.buffer);
    if (base === this.base) return;
    pages.forgetTies(this.base);
    this.base = base;
    pages.forgetTiesAtExit(base);
    for (const region of this.live) region.tied = false;
    this.regions = new WeakMap();
  }
}
