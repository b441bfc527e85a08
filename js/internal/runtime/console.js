// Where one module's stdout and stderr go. By default Zig's output reaches
// console.log a line at a time (looked up when it prints), or the module's
// `log` listener first (`__zigar.on('log')`); a stream set with
// `__zigar.redirect()` instead receives the bytes as written. By the time a
// call returns, everything it printed has been delivered, an unfinished last
// line included (then the newline that later ends it starts no empty line).
// Output written outside a call (another thread) waits a moment for its
// newline, and is flushed before the process exits. Nothing here needs
// Node: what only Node offers (the addon's capture of native output, the
// process's own descriptors) is handed in by whoever makes the output.

const PARTIAL_LINE_DELAY_MS = 250;
const SOURCES = { 1: 'stdout', 2: 'stderr' };
/** Every module's output, flushed when the process exits. */
const everyOutput = new Set();

/** The console output of one loaded module. */
export class ModuleOutput {
  /** An unfinished line waits: call wrappers then end it with `endCall()`. */
  partialLine = false;
  /** Built with `useRedirection=false`: bytes go straight to the process's fd 1 or 2. */
  direct = false;
  /** `on('log')`'s listener, or null. */
  listener = null;
  /** Redirected writers by fd (see output-redirect.js); absent means the console. */
  writers = new Map();
  #lines = { 1: new LineState(), 2: new LineState() };
  #timer = null;

  /**
   * `captured()`: what native code wrote since it was last asked (records
   * `[fd][len u32][bytes]`...), or null; absent for a WebAssembly module,
   * whose output arrives through `write()`. `writeDirect(fd, bytes)`: the
   * process's own descriptors, for `useRedirection=false`.
   */
  constructor({ captured = null, writeDirect = writeToConsole } = {}) {
    this.captured = captured;
    this.writeDirect = writeDirect;
    everyOutput.add(this);
  }

  /** Moves what native Zig code wrote on this thread here; called after calls that printed. */
  flushNative = () => {
    this.takeNative();
    this.endCall();
  };

  /** Delivers the records native code wrote. */
  takeNative() {
    const records = this.captured?.();
    if (!records) return;
    const dv = new DataView(records.buffer, records.byteOffset, records.byteLength);
    for (let at = 0; at < records.byteLength;) {
      const len = dv.getUint32(at + 1, true);
      this.write(records[at], records.subarray(at + 5, at + 5 + len));
      at += 5 + len;
    }
  }

  /** Takes `bytes` Zig wrote to `fd` (1 or 2); the bytes may be reused once this returns. */
  write(fd, bytes) {
    if (this.direct) {
      this.writeDirect(fd, bytes);
      return;
    }
    const writer = this.writers.get(fd);
    if (writer) {
      writer.write(bytes);
      return;
    }
    for (const line of this.#lines[fd].add(bytes)) this.#deliver(fd, line);
    this.partialLine = this.#lines[1].waiting || this.#lines[2].waiting;
    if (this.partialLine && this.#timer === null) {
      this.#timer = setTimeout(() => this.#flushLater(), PARTIAL_LINE_DELAY_MS);
      // Where timers keep a process alive (Node, Deno, Bun), this one does not.
      this.#timer.unref?.();
    }
  }

  /** At the end of a call: its unfinished last lines are delivered too. */
  endCall() {
    for (const fd of [1, 2]) {
      const line = this.#lines[fd].end();
      if (line !== null) this.#deliver(fd, line);
    }
    this.partialLine = false;
  }

  /** A line Zig printed: to the `log` listener, and to console.log unless it returned a value. */
  #deliver(fd, message) {
    if (this.listener) {
      const handled = this.listener({ source: SOURCES[fd], message });
      if (handled !== undefined && handled !== null) return;
    }
    console.log(message);
  }

  #flushLater() {
    this.#timer = null;
    this.takeNative();
    for (const fd of [1, 2]) this.#lines[fd].finish();
    this.endCall();
  }

  /** Delivers whatever is held, before the process exits. */
  static flushAll() {
    for (const output of everyOutput) output.#flushLater();
  }
}

/** The text of one fd being cut into lines. */
class LineState {
  decoder = new TextDecoder();
  partial = '';
  // The last text delivered was a line without its newline.
  midLine = false;

  get waiting() {
    return this.partial !== '';
  }

  /** The whole lines `bytes` completes. */
  add(bytes) {
    this.partial += this.decoder.decode(bytes, { stream: true });
    if (this.midLine && this.partial !== '') {
      if (this.partial.startsWith('\n')) this.partial = this.partial.slice(1);
      this.midLine = false;
    }
    const lines = this.partial.split('\n');
    this.partial = lines.pop();
    return lines;
  }

  /** The unfinished line, now delivered as one; null when there is none. */
  end() {
    if (this.partial === '') return null;
    const line = this.partial;
    this.partial = '';
    this.midLine = true;
    return line;
  }

  /** Also what the decoder holds of an unfinished character. */
  finish() {
    this.partial += this.decoder.decode();
  }
}

/**
 * Where there are no process descriptors (a browser), bytes written for
 * them go to the console, a line per write.
 */
function writeToConsole(fd, bytes) {
  const text = new TextDecoder().decode(bytes).replace(/\n$/, '');
  if (fd === 2) console.error(text);
  else console.log(text);
}

globalThis.process?.once?.('exit', () => ModuleOutput.flushAll());
