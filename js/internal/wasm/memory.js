// A WebAssembly instance's memory as zigport's objects see it. Growing the
// memory (Zig's allocator, `@wasmMemoryGrow`) detaches its ArrayBuffer, so
// every object viewing it would break; instead, the host calls `sync()`
// after everything that runs wasm code, and on growth every live object
// over the memory is re-pointed at the new buffer at the same place. Reads
// and writes need no check of their own: between two syncs nothing can
// grow the memory.
import { DV, trackBuffer } from '../types/memory.js';

export class WasmMemory {
  constructor(memory) {
    this.memory = memory;
    this.buffer = memory.buffer;
    /** A DataView over all of the current buffer. */
    this.dv = new DataView(this.buffer);
    /**
     * One byte of the current buffer: growth detaches the buffer, and then
     * this reads as empty. Checking its length costs next to nothing,
     * unlike fetching `memory.buffer` or an ArrayBuffer's byteLength.
     */
    this.probe = new Uint8Array(this.buffer, 0, 1);
    /** Incremented on every growth that replaced the buffer. */
    this.generation = 0;
    this.views = new Set();
    this.collected = new FinalizationRegistry((entry) => this.views.delete(entry));
    /** Called after a growth, for holders of `dv` (the call frames). */
    this.onGrowth = [];
    trackBuffer(this.buffer, this);
  }

  /** Remembers `object`, bound to `dv` over this memory, to re-point it on growth. */
  track(object, dv) {
    const entry = { object: new WeakRef(object), offset: dv.byteOffset, length: dv.byteLength };
    this.views.add(entry);
    this.collected.register(object, entry);
  }

  /** A DataView of `length` bytes at wasm address `address`. */
  view(address, length) {
    return new DataView(this.buffer, address, length);
  }

  /** Bytes at wasm address `address`, in the current buffer. */
  bytes(address, length) {
    return new Uint8Array(this.buffer, address, length);
  }

  /** Catches up with a growth since the last sync, if there was one. */
  sync() {
    if (this.probe.length === 0) this.regrown();
  }

  regrown() {
    trackBuffer(this.buffer, null);
    this.buffer = this.memory.buffer;
    this.dv = new DataView(this.buffer);
    this.probe = new Uint8Array(this.buffer, 0, 1);
    this.generation += 1;
    trackBuffer(this.buffer, this);
    for (const entry of this.views) {
      const object = entry.object.deref();
      if (object === undefined) this.views.delete(entry);
      else object[DV] = new DataView(this.buffer, entry.offset, entry.length);
    }
    for (const listener of this.onGrowth) listener(this);
  }

  /** Stops tracking (the module is gone); objects keep the last buffer. */
  close() {
    trackBuffer(this.buffer, null);
    this.views.clear();
  }
}
