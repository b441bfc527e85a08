// This thread's call-frame stack: the argument arena shared with the addon
// (one per Node environment), the header through which a call names its
// frame and function, and the invoker that runs it.
import { addon } from './addon.js';

/**
 * `{ dv, header, top, invoke... }`; `top` is the offset where the next call
 * writes its frame. A call does not move `top`: nothing else runs on this
 * thread until it returns. Whatever runs JS while Zig is on the stack (a
 * callback) must first move `top` past the active frame (header[0] plus
 * that function's frame size) and restore it afterwards. `sliceSlots(id)`
 * and `viewAddress` are what calls that write a typed array's address
 * themselves ask the addon (calls/view-addresses.js); null where they may
 * not. Filled by `openFrames`, so that a process that loads no native
 * module never asks the addon (which may be absent) for it.
 */
export const frames = {
  dv: null, header: null, top: 0, invoke: null, invokeWithPointers: null, invokeWithBuffer: null, sliceSlots: null, viewAddress: null,
};

/** Fills `frames` from the addon on this thread's first native module. */
export function openFrames() {
  if (frames.dv !== null) return;
  const arena = addon.arena();
  frames.dv = new DataView(arena);
  frames.header = new Uint32Array(arena, 0, 16);
  frames.top = addon.frameBase();
  frames.invoke = addon.invoker();
  frames.invokeWithPointers = addon.pointerInvoker();
  frames.invokeWithBuffer = addon.bufferInvoker();
  // Where JS holds copies of Zig memory instead of views (external buffers
  // refused), a typed array may be such a copy, which only the invokers
  // reconcile: calls there never write an array's address themselves.
  if (addon.externalBuffers()) {
    frames.sliceSlots = addon.sliceSlots;
    frames.viewAddress = addon.viewAddress;
  }
}
