// `__zigar.on(event, listener)`: one listener per event; a new one replaces
// the old and a falsy value removes it. Only `log` is served: it receives
// each line Zig prints as `{ source: 'stdout' | 'stderr', message }`, and
// console.log is skipped when it returns something other than undefined or
// null (Zigar's rule). Zigar's file-system events need zigport to intercept
// the module's file operations, which it does not do yet.

const FILE_SYSTEM_EVENTS = ['open', 'stat', 'mkdir', 'rmdir', 'unlink', 'rename', 'symlink', 'readlink', 'utimes'];

/** Sets (or removes) the module's listener for `event`; `output` is its ModuleOutput. */
export function listen(output, event, listener) {
  if (FILE_SYSTEM_EVENTS.includes(event)) {
    throw new Error(`__zigar.on(): the '${event}' event is not supported by zigport yet (Zig's file operations go to the real file system)`);
  }
  if (event !== 'log') throw new Error(`Unknown event: ${String(event)}`);
  if (listener && typeof listener !== 'function') {
    throw new TypeError(`__zigar.on('log'): expecting a function, or a falsy value to remove the listener`);
  }
  // Lines already waiting were printed under the old listener's rules.
  output.endCall();
  output.listener = listener || null;
}
