// The `stack` of a Zig error as it is thrown by a module built with runtime
// safety. Each Zig error is one shared object, so every throw gives it the
// stack of that throw (the top frame is the function that read the error:
// the exported function's JS wrapper, or a field's getter). When the host
// has the call's error return trace (a native library), the Zig functions
// the error passed through come first, as V8 writes frames:
// `    at parseNumber (/path/to/file.zig:19:33)`. Text is made only when
// `stack` is read, and each address is looked up once per module.

/**
 * The function that gives a module's error the stack of the current throw,
 * leaving out `above` and what it called: `restack(error, above)`.
 * `traces`, when the host has them: `take(code)` gives the return addresses
 * of the trace of the call that just returned error `code` (innermost
 * first, possibly none), `describe(address)` gives
 * "function\tfile\tline\tcolumn" or null.
 */
export function errorStacks(traces) {
  const frames = new Map();
  const frameAt = (address) => {
    let frame = frames.get(address);
    if (frame === undefined) frames.set(address, (frame = formatFrame(traces.describe(address))));
    return frame;
  };
  const throws = new Map();
  return (error, above) => {
    let current = throws.get(error);
    if (!current) throws.set(error, (current = lastThrow(error)));
    // Capturing into a plain object keeps V8's formatting lazy.
    const site = { name: error.name, message: error.message };
    Error.captureStackTrace(site, above);
    current.site = site;
    current.addresses = traces ? traces.take(error.number) : [];
    current.frameAt = frameAt;
    current.text = undefined;
  };
}

/**
 * What `error.stack` shows: the last throw's, made on first read. The
 * accessor is defined once; each throw only replaces the record behind it.
 */
function lastThrow(error) {
  const current = { site: null, addresses: [], frameAt: null, text: undefined };
  Object.defineProperty(error, 'stack', {
    configurable: true,
    enumerable: false,
    get() {
      if (current.text === undefined) {
        const zig = current.addresses.map(current.frameAt).filter(Boolean);
        current.text = withZigFrames(current.site.stack, String(error), zig);
      }
      return current.text;
    },
    set(value) {
      current.text = value;
    },
  });
  return current;
}

/**
 * `stack` with `lines` after its header (the error's `String()`, which
 * ends where the frames begin); a stack that does not start with the header
 * (Error.prepareStackTrace changed it) gets them at the end.
 */
function withZigFrames(stack, header, lines) {
  if (typeof stack !== 'string' || lines.length === 0) return stack;
  const zig = lines.join('\n');
  if (!stack.startsWith(header)) return `${stack}\n${zig}`;
  return `${header}\n${zig}${stack.slice(header.length)}`;
}

/** A V8-style frame line for "function\tfile\tline\tcolumn", or null. */
function formatFrame(description) {
  if (!description) return null;
  const [name, file, line, column] = description.split('\t');
  const where = file ? `${file}:${line}:${column}` : '<anonymous>';
  return `    at ${name} (${where})`;
}
