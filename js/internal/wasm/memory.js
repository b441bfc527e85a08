// A WebAssembly instance's memory as zigport's objects see it. Growing the
// memory (Zig's allocator, `@wasmMemoryGrow`) detaches its ArrayBuffer, so
// every object viewing it would break; instead, the host calls `sync()`
// after everything that runs wasm code, and on growth every live object
// over the memory is re-pointed at the new buffer at the same place. Reads
// and writes need no check of their own: between two syncs nothing can
// grow the memory.
import { repoint, trackBuffer } from '../types/memory.js';
import { markZigMemory } from '../runtime/zig-memory.js';
import { wasmObject } from './objects.js';
import { getTarget } from '../types/pointer-targets.js';

export class WasmMemory {
  constructor(memory) {
    this.memory = memory;
    this.buffer = memory.buffer;
    /** A DataView over all of the current buffer. */
    this.dv = new DataView(this.buffer);
    /** The bytes of all of the current buffer. */
    this.u8 = new Uint8Array(this.buffer);
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
    markZigMemory(this.buffer);
    /** Set by the host: the instance and its ties, for pointer fields. */
    this.instance = null;
    this.ties = null;
  }

  /**
   * A pointer field in this memory, read live: a view of what Zig's pointer
   * points at now (`lengthAt` < 0 for a single-item pointer), of the
   * elements before the terminator for `mode` 1 (`[*:0]T`), or a handle for
   * `mode` 2 (`*Opaque`); see pointer-field.js.
   */
  readPointer(type, at, addressAt, lengthAt, elemSize, mode = 0) {
    const address = this.dv.getUint32(at + addressAt, true);
    if (address === 0) return null;
    if (mode === 2) return type.result(null, 0, 0, { instance: this.instance, address });
    if (mode === 1) return wasmObject(this.instance, type, address, this.lengthToZero(address, elemSize));
    const count = lengthAt < 0 ? 1 : this.dv.getUint32(at + lengthAt, true);
    return wasmObject(this.instance, type, address, count * elemSize);
  }

  /** Bytes from `address` to the first zero element of `size` bytes (or the memory's end). */
  lengthToZero(address, size) {
    const bytes = this.bytes(0, this.buffer.byteLength);
    let at = address;
    while (at + size <= bytes.length && !bytes.subarray(at, at + size).every((b) => b === 0)) at += size;
    return at - address;
  }

  /**
   * Points a pointer field in this memory at `memory` (null for null). Zig
   * sees only its own memory: a target there or in a tied buffer is pointed
   * at where it is; other JS memory is copied into memory the field owns
   * (freed when the field is assigned again), pointers inside it included,
   * so Zig sees the value JS gave but not later changes to it.
   */
  writePointer(at, addressAt, lengthAt, memory, count, where, pointee, copies = new Map()) {
    this.release(at);
    let address = 0;
    if (memory?.buffer?.instance !== undefined) {
      // A handle's token (results.js): an address of this module's.
      if (memory.buffer.instance !== this.instance) throw new TypeError(`${where}: the handle belongs to another module`);
      address = memory.buffer.address;
    } else if (memory !== null) {
      const base = memory.buffer === this.buffer ? 0 : this.ties.addressOf(memory.buffer);
      address = base >= 0 ? base + memory.byteOffset : this.copyIn(at, memory, pointee, where, copies);
    }
    this.dv.setUint32(at + addressAt, address, true);
    if (lengthAt >= 0) this.dv.setUint32(at + lengthAt, count, true);
  }

  /** Frees the copy the field at `at` owns, and the copies inside it. */
  release(at) {
    const owned = this.owned?.get(at);
    if (!owned) return;
    this.owned.delete(at);
    for (const inner of owned.inner) this.release(inner);
    this.instance.free(owned.address, owned.len, owned.align);
  }

  /** A copy of `memory` in wasm memory, owned by the field at `at`; `copies` ends cycles. */
  copyIn(at, memory, pointee, where, copies) {
    const key = `${memory.byteOffset}:${memory.byteLength}`;
    const known = copies.get(memory.buffer)?.get(key);
    if (known !== undefined) return known;
    const len = memory.byteLength;
    const align = Math.max(pointee.align ?? 1, 1);
    const address = this.instance.alloc(len, align);
    this.bytes(address, len).set(new Uint8Array(memory.buffer, memory.byteOffset, len));
    if (!copies.has(memory.buffer)) copies.set(memory.buffer, new Map());
    copies.get(memory.buffer).set(key, address);
    const owned = { address, len, align, inner: [] };
    (this.owned ??= new Map()).set(at, owned);
    // The pointers inside the copy point at copies of their targets.
    const places = pointee.places ?? [];
    for (let i = 0; places.length > 0 && i < len / pointee.size; i++) {
      for (const place of places) {
        const field = address + i * pointee.size + place.offset;
        const entry = getTarget(memory.buffer, memory.byteOffset + i * pointee.size + place.offset);
        const p = place.type;
        const addressAt = p.kind === 'slice' ? p.ptr_offset : 0;
        const lengthAt = p.kind === 'slice' ? p.len_offset : -1;
        const target = entry?.memory ?? null;
        const n = target === null || p.pointer.elemSize === 0 ? 0 : target.byteLength / p.pointer.elemSize;
        this.writePointer(field, addressAt, lengthAt, target, n, `${where}.${place.path.join('.')}`, p.pointee, copies);
        owned.inner.push(field);
      }
    }
    return address;
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

  /** The DataView over memory as it is now, for code that runs while wasm code does (WASI calls). */
  current() {
    this.sync();
    return this.dv;
  }

  regrown() {
    trackBuffer(this.buffer, null);
    this.buffer = this.memory.buffer;
    this.dv = new DataView(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
    this.probe = new Uint8Array(this.buffer, 0, 1);
    this.generation += 1;
    trackBuffer(this.buffer, this);
    markZigMemory(this.buffer);
    for (const entry of this.views) {
      const object = entry.object.deref();
      if (object === undefined) this.views.delete(entry);
      else repoint(object, new DataView(this.buffer, entry.offset, entry.length));
    }
    for (const listener of this.onGrowth) listener(this);
  }

  /** Stops tracking (the module is gone); objects keep the last buffer. */
  close() {
    trackBuffer(this.buffer, null);
    this.views.clear();
  }
}
