// A JSON reader that moves, and reports positions, as serde_json's does:
// errors name the line and the byte column (of the text as UTF-8) where
// serde_json would name them, so that both runtimes word a refusal alike.
// It reads the JS string itself; byte positions are worked out only for
// an error.
import { Code, SerdeError } from './errors.js';

const encoder = new TextEncoder();

/** How deeply arrays and objects may nest (serde_json's recursion limit). */
const MAX_NESTING = 128;
const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);

const isDigit = (b) => b >= 0x30 && b <= 0x39;
const isSpace = (b) => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;

export class JsonReader {
  constructor(text) {
    this.text = text;
    this.length = text.length;
    /** Index of the next character (a UTF-16 unit) to read. */
    this.index = 0;
    this.depthLeft = MAX_NESTING;
  }

  /** The next byte, or -1 at the end. */
  peek() {
    return this.index < this.length ? this.text.charCodeAt(this.index) : -1;
  }

  eat() {
    this.index += 1;
  }

  next() {
    return this.index < this.length ? this.text.charCodeAt(this.index++) : -1;
  }

  /** Skips whitespace; returns the next byte (not consumed) or -1. */
  skipSpace() {
    while (isSpace(this.peek())) this.index += 1;
    return this.peek();
  }

  /** An error at the last byte read (serde_json's `error`). */
  error(text) {
    return this.errorAt(0, text);
  }

  /** An error at the byte just peeked (serde_json's `peek_error`). */
  peekError(text) {
    return this.errorAt(1, text);
  }

  /** An error at `extra` bytes past the reader's position, as serde_json counts lines and columns. */
  errorAt(extra, text) {
    const bytes = encoder.encode(this.text);
    const index = Math.min(bytes.length, encoder.encode(this.text.slice(0, this.index)).length + extra);
    let startOfLine = 0;
    let line = 1;
    for (let i = 0; i < index; i += 1) {
      if (bytes[i] === 0x0a) {
        line += 1;
        startOfLine = i + 1;
      }
    }
    return new SerdeError(text, line, index - startOfLine);
  }

  /** `err`, given the reader's current position if it has none yet. */
  fix(err) {
    return err instanceof SerdeError && err.line === 0 ? this.error(err.text) : err;
  }

  /** Runs `fn` one nesting level deeper, refusing past the limit. */
  nested(fn) {
    this.depthLeft -= 1;
    if (this.depthLeft === 0) throw this.peekError(Code.RecursionLimit);
    this.eat();
    try {
      return fn();
    } finally {
      this.depthLeft += 1;
    }
  }

  /** Reads the rest of a literal (`ull` after `n`). */
  ident(rest) {
    for (const ch of rest) {
      const b = this.next();
      if (b === -1) throw this.error(Code.EofValue);
      if (b !== ch.charCodeAt(0)) throw this.error(Code.ExpectedIdent);
    }
  }

  /** Reads a string after its opening quote. */
  string() {
    const start = this.index;
    let plain = true;
    for (;;) {
      const b = this.peek();
      if (b === -1) throw this.error(Code.EofString);
      if (b === 0x22 && plain) {
        this.eat();
        return this.text.slice(start, this.index - 1);
      }
      if (b === 0x5c || b < 0x20) {
        plain = false;
        break;
      }
      this.eat();
    }
    this.index = start;
    return this.escapedString();
  }

  escapedString() {
    const parts = [];
    let run = this.index;
    for (;;) {
      const b = this.next();
      if (b === -1) throw this.error(Code.EofString);
      if (b === 0x22) {
        parts.push(this.text.slice(run, this.index - 1));
        return parts.join('');
      }
      if (b < 0x20) throw this.error(Code.ControlCharacter);
      if (b !== 0x5c) continue;
      parts.push(this.text.slice(run, this.index - 1));
      parts.push(this.escape());
      run = this.index;
    }
  }

  escape() {
    const b = this.next();
    if (b === -1) throw this.error(Code.EofString);
    const simple = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' }[b];
    if (simple !== undefined) return simple;
    if (b !== 0x75) throw this.error(Code.InvalidEscape);
    const unit = this.hex4();
    if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
    // A lone surrogate is refused, as serde_json refuses it for a `str`.
    if (unit >= 0xdc00) throw this.error(Code.LoneLeadingSurrogate);
    if (this.next() !== 0x5c || this.next() !== 0x75) throw this.error(Code.UnexpectedEndOfHexEscape);
    const low = this.hex4();
    if (low < 0xdc00 || low > 0xdfff) throw this.error(Code.LoneLeadingSurrogate);
    return String.fromCharCode(unit, low);
  }

  hex4() {
    let value = 0;
    for (let k = 0; k < 4; k += 1) {
      const b = this.next();
      if (b === -1) throw this.error(Code.EofString);
      const digit = Number.parseInt(String.fromCharCode(b), 16);
      if (Number.isNaN(digit)) throw this.error(Code.InvalidEscape);
      value = value * 16 + digit;
    }
    return value;
  }

  /**
   * Reads a number (the sign, if any, already eaten when `positive` is
   * false): `{ c: 'u64' | 'i64', v: bigint }` for integers that fit,
   * `{ c: 'f64', v: number }` otherwise.
   */
  number(positive) {
    const start = this.index;
    const first = this.next();
    if (first === -1) throw this.error(Code.EofValue);
    if (!isDigit(first)) throw this.error(Code.InvalidNumber);
    if (first === 0x30 && isDigit(this.peek())) throw this.peekError(Code.InvalidNumber);
    while (isDigit(this.peek())) this.eat();
    let float = false;
    if (this.peek() === 0x2e) {
      float = true;
      this.eat();
      this.digitAfterMark();
      while (isDigit(this.peek())) this.eat();
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      float = true;
      this.eat();
      if (this.peek() === 0x2b || this.peek() === 0x2d) this.eat();
      this.digitAfterMark();
      while (isDigit(this.peek())) this.eat();
    }
    const text = (positive ? '' : '-') + this.text.slice(start, this.index);
    if (!float) {
      const n = BigInt(text);
      if (positive && n <= U64_MAX) return { c: 'u64', v: n };
      if (!positive && n !== 0n && n >= I64_MIN) return { c: 'i64', v: n };
    }
    const v = Number(text);
    if (!Number.isFinite(v)) throw this.error(Code.NumberOutOfRange);
    return { c: 'f64', v };
  }

  /** The digit that must follow a number's `.` or exponent mark. */
  digitAfterMark() {
    const b = this.next();
    if (!isDigit(b)) throw this.error(b === -1 ? Code.EofValue : Code.InvalidNumber);
  }

  /** Reads any value as content (serde's `Content`): numbers, strings, maps as entry lists. */
  any() {
    const b = this.skipSpace();
    if (b === -1) throw this.peekError(Code.EofValue);
    try {
      return this.anyAt(b);
    } catch (err) {
      throw this.fix(err);
    }
  }

  /** Reads a value to drop it: serde_json skips unknown keys' values without its nesting limit. */
  skip() {
    const depthLeft = this.depthLeft;
    this.depthLeft = Infinity;
    try {
      this.any();
    } finally {
      this.depthLeft = depthLeft;
    }
  }

  anyAt(b) {
    switch (b) {
      case 0x6e: this.eat(); this.ident('ull'); return { c: 'unit' };
      case 0x74: this.eat(); this.ident('rue'); return { c: 'bool', v: true };
      case 0x66: this.eat(); this.ident('alse'); return { c: 'bool', v: false };
      case 0x2d: this.eat(); return this.number(false);
      case 0x22: this.eat(); return { c: 'str', v: this.string() };
      case 0x5b: return this.container(() => ({ c: 'seq', v: this.elements(() => this.any()) }), () => this.endSeq());
      case 0x7b: return this.container(() => ({ c: 'map', v: this.entries() }), () => this.endMap());
      default:
        if (isDigit(b)) return this.number(true);
        throw this.peekError(Code.ExpectedValue);
    }
  }

  /**
   * Reads a container with `visit`, then its end with `end`: as in
   * serde_json, the end is read even when the visit failed (which moves
   * the position an error then gets).
   */
  container(visit, end) {
    let result;
    let failure = null;
    try {
      result = this.nested(visit);
    } catch (err) {
      failure = err;
    }
    let endFailure = null;
    try {
      end();
    } catch (err) {
      endFailure = err;
    }
    if (failure) throw failure;
    if (endFailure) throw endFailure;
    return result;
  }

  /** Reads the elements of an array whose `[` was eaten, each with `read`. */
  elements(read) {
    const out = [];
    for (let first = true; this.hasElement(first); first = false) out.push(read());
    return out;
  }

  hasElement(first) {
    const b = this.skipSpace();
    if (b === -1) throw this.peekError(Code.EofList);
    if (b === 0x5d) return false;
    if (first) return true;
    if (b !== 0x2c) throw this.peekError(Code.ExpectedListCommaOrEnd);
    this.eat();
    const after = this.skipSpace();
    if (after === 0x5d) throw this.peekError(Code.TrailingComma);
    if (after === -1) throw this.peekError(Code.EofValue);
    return true;
  }

  /** Reads the next key of an object whose `{` was eaten, or null at its end. */
  key(first) {
    const b = this.skipSpace();
    if (b === -1) throw this.peekError(Code.EofObject);
    if (b === 0x7d) return null;
    if (first) {
      if (b !== 0x22) throw this.peekError(Code.KeyMustBeAString);
    } else if (b === 0x2c) {
      this.eat();
      const after = this.skipSpace();
      if (after === 0x7d) throw this.peekError(Code.TrailingComma);
      if (after === -1) throw this.peekError(Code.EofValue);
      if (after !== 0x22) throw this.peekError(Code.KeyMustBeAString);
    } else {
      throw this.peekError(Code.ExpectedObjectCommaOrEnd);
    }
    this.eat();
    return this.string();
  }

  colon() {
    const b = this.skipSpace();
    if (b === 0x3a) return this.eat();
    throw this.peekError(b === -1 ? Code.EofObject : Code.ExpectedColon);
  }

  entries() {
    const out = [];
    for (let first = true, k = this.key(true); k !== null; first = false, k = this.key(first)) {
      this.colon();
      out.push([{ c: 'str', v: k }, this.any()]);
    }
    return out;
  }

  endSeq() {
    const b = this.skipSpace();
    if (b === 0x5d) return this.eat();
    if (b === 0x2c) {
      this.eat();
      throw this.peekError(this.skipSpace() === 0x5d ? Code.TrailingComma : Code.TrailingCharacters);
    }
    throw this.peekError(b === -1 ? Code.EofList : Code.TrailingCharacters);
  }

  endMap() {
    const b = this.skipSpace();
    if (b === 0x7d) return this.eat();
    if (b === 0x2c) throw this.peekError(Code.TrailingComma);
    throw this.peekError(b === -1 ? Code.EofObject : Code.TrailingCharacters);
  }

  /** After the whole value: only whitespace may follow. */
  end() {
    if (this.skipSpace() !== -1) throw this.peekError(Code.TrailingCharacters);
  }
}
