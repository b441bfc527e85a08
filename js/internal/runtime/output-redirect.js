// `__zigar.redirect(name, stream)`: sends a module's stdout or stderr to a
// JS stream instead of the console. The writer kinds are Zigar's: an object
// with `write(chunk)` (a Node Writable such as a PassThrough, a
// WritableStreamDefaultWriter), a WritableStream, an array that collects the
// chunks, or null to discard. Chunks are Uint8Arrays of their own (Zig's
// buffer is reused once the write returns).

const NAMES = ['stdin', 'stdout', 'stderr', 'root'];
const FDS = { stdout: 1, stderr: 2 };
const ACCEPTED = 'an object with a write() method (e.g. a Node Writable), a WritableStream, an array, or null';

/** Redirects `name` of the module whose output is `output`; returns what it was redirected to before. */
export function redirect(output, name, stream) {
  if (!NAMES.includes(name)) {
    throw new Error(`Expecting 'stdin', 'stdout', 'stderr', or 'root', received ${describe(name)}`);
  }
  const fd = FDS[name];
  if (fd === undefined) {
    throw new Error(`__zigar.redirect(): redirecting ${name} is not supported by zigport yet`);
  }
  const previous = output.writers.get(fd)?.target;
  if (stream === undefined) {
    output.writers.delete(fd);
  } else {
    const writer = writerFor(stream);
    // A line still being assembled for the console is finished there, not sent to the stream.
    output.endCall();
    output.writers.set(fd, writer);
  }
  return previous;
}

/** `{ target, write(bytes) }` for a stream value, or a TypeError when it cannot take bytes. */
function writerFor(target) {
  if (target === null) return { target, write() {} };
  if (Array.isArray(target)) return { target, write: (bytes) => void target.push(bytes.slice()) };
  if (typeof WritableStream === 'function' && target instanceof WritableStream) {
    const writer = target.getWriter();
    return { target, write: (bytes) => settle(writer.write(bytes.slice())) };
  }
  if (typeof target?.write === 'function') {
    return { target, write: (bytes) => settle(target.write(bytes.slice())) };
  }
  throw new TypeError(`__zigar.redirect(): expecting ${ACCEPTED}, received ${describe(target)}`);
}

/**
 * A web stream reports a failed write through a promise; Zig has already
 * moved on, so the failure is reported once, not left unhandled.
 */
function settle(result) {
  if (typeof result?.then === 'function') {
    result.then(undefined, (err) => warn(`a redirected Zig stream failed to write: ${err?.message ?? err}`));
  }
}

/** A process warning where there is a process (Node, Deno, Bun), else the console's. */
function warn(message) {
  if (typeof globalThis.process?.emitWarning === 'function') globalThis.process.emitWarning(message);
  else console.warn(message);
}

function describe(value) {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return value.constructor?.name ? `an object (${value.constructor.name})` : 'an object';
}
