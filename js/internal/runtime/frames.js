// This thread's call-frame stack: the argument arena shared with the addon
// (one per Node environment), the header through which a call names its
// frame and function, and the invoker that runs it.
import { addon } from './addon.js';

const arena = addon.arena();

/**
 * `{ dv, header, top, invoke }`; `top` is the offset where the next call
 * writes its frame. A call does not move `top`: nothing else runs on this
 * thread until it returns. Whatever runs JS while Zig is on the stack (a
 * callback) must first move `top` past the active frame (header[0] plus
 * that function's frame size) and restore it afterwards.
 */
export const frames = {
  dv: new DataView(arena),
  header: new Uint32Array(arena, 0, 16),
  top: addon.frameBase(),
  invoke: addon.invoker(),
  invokeWithPointers: addon.pointerInvoker(),
};
