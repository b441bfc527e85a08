// Every error zigport throws at users is made here, so that messages share
// one style: "<where>: <what is wrong>" plus, where it helps, what to do.

/** A Zig `error.Name` returned by a function, as a JS exception. */
export class ZigError extends Error {
  constructor(name, number) {
    super(describeErrorName(name));
    this.name = 'ZigError';
    this.errorName = name;
    this.number = number;
  }

  toJSON() {
    return { error: this.errorName };
  }

  /** `Number(err)` is the error's code, as in Zig's `@intFromError`. */
  [Symbol.toPrimitive](hint) {
    return hint === 'number' ? this.number : this.toString();
  }
}

/** Zig refused to compile a module; the message carries its diagnostics. */
export class ZigCompileError extends Error {
  constructor(file, diagnostics, hint = '') {
    super(`Zig could not compile ${file}:\n${hint}${diagnostics.trimEnd()}`);
    this.name = 'ZigCompileError';
    this.file = file;
    this.diagnostics = diagnostics;
  }
}

/**
 * No Zig zigport can build a module with: the one asked for is unsupported or
 * not installed, or ZIG is not a supported zig. `where` names what asked
 * (ZIG=..., a query, a config file, a build.zig.zon).
 */
export class ZigToolchainError extends Error {
  constructor(where, problem) {
    super(`${where}: ${problem}`);
    this.name = 'ZigToolchainError';
  }
}

/**
 * Turns an error name into a sentence: `SystemIsOnFire` and
 * `system_is_on_fire` both become "System is on fire". Acronyms keep their
 * capitals ("HTTPFailure" -> "HTTP failure").
 */
export function describeErrorName(name) {
  const words = name
    .replace(/_+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/);
  // A name of only underscores (`error.__`) has no words to show.
  if (words[0] === '') return name;
  const sentence = words.map((w, i) => {
    const acronym = w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);
    if (acronym) return w;
    return i === 0 ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase();
  });
  return sentence.join(' ');
}

/** Wrong number of arguments for a Zig function (fewer than `expected`, for a variadic one: `atLeast`). */
export function argumentCountError(fn, expected, received, atLeast = false) {
  const noun = expected === 1 ? 'argument' : 'arguments';
  return new TypeError(`${fn}(): Expecting ${atLeast ? 'at least ' : ''}${expected} ${noun}, received ${received}`);
}

/** Shows a JS value in a message without calling user code. */
export function showValue(value) {
  switch (typeof value) {
    case 'string': return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '\u2026' : value);
    case 'bigint': return `${value}n`;
    case 'number': case 'boolean': case 'undefined': return String(value);
    case 'symbol': return value.toString();
    case 'function': return 'a function';
    default: return value === null ? 'null' : `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  }
}

/** The value has the wrong JS type for the Zig type. */
export function typeMismatch(where, zigType, expected, value) {
  return new TypeError(`${where}: ${zigType} expects ${expected}, received ${showValue(value)}`);
}

/** The value has the right JS type but does not fit the Zig type. */
export function outOfRange(where, zigType, value, range) {
  return new RangeError(`${where}: ${showValue(value)} is out of range for ${zigType} (${range})`);
}

/** A value the Zig type cannot take, described by `detail`. */
export function rangeError(where, detail) {
  return new RangeError(`${where}: ${detail}`);
}

/** A write to a `pub const` or another read-only place. */
export function readOnlyError(where) {
  return new TypeError(`${where} is a Zig constant and cannot be assigned`);
}

/** A call into a module after `__zigar.abandon()` (Zigar's wording and class). */
export function abandonedError() {
  return new Error('Module was abandoned');
}

/** A write to a comptime field, whose value Zig fixed when compiling. */
export function comptimeFieldError(where) {
  return new TypeError(`${where} is a comptime field and cannot be assigned`);
}

/** Use of a declaration zigport cannot expose yet. */
export function unsupportedError(name, reason) {
  return new TypeError(`${name}: ${reason}`);
}
