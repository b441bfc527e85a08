// The refusals of the descriptor's JSON decoding, worded as serde and
// serde_json word them (the Rust runtime decodes the same text with them),
// so that both runtimes refuse a descriptor with the same message.

/**
 * A decoding error. `line` 0 means no position yet: as in serde_json, the
 * innermost JSON reading that sees it gives it the reader's position.
 */
export class SerdeError extends Error {
  constructor(text, line = 0, column = 0) {
    super(line === 0 ? text : `${text} at line ${line} column ${column}`);
    this.text = text;
    this.line = line;
    this.column = column;
  }
}

/** serde_json's syntax error codes, by the words they show. */
export const Code = {
  EofList: 'EOF while parsing a list',
  EofObject: 'EOF while parsing an object',
  EofString: 'EOF while parsing a string',
  EofValue: 'EOF while parsing a value',
  ExpectedColon: 'expected `:`',
  ExpectedListCommaOrEnd: 'expected `,` or `]`',
  ExpectedObjectCommaOrEnd: 'expected `,` or `}`',
  ExpectedIdent: 'expected ident',
  ExpectedValue: 'expected value',
  InvalidEscape: 'invalid escape',
  InvalidNumber: 'invalid number',
  NumberOutOfRange: 'number out of range',
  InvalidCodePoint: 'invalid unicode code point',
  ControlCharacter: 'control character (\\u0000-\\u001F) found while parsing a string',
  KeyMustBeAString: 'key must be a string',
  LoneLeadingSurrogate: 'lone leading surrogate in hex escape',
  UnexpectedEndOfHexEscape: 'unexpected end of hex escape',
  TrailingComma: 'trailing comma',
  TrailingCharacters: 'trailing characters',
  RecursionLimit: 'recursion limit exceeded',
};

/** What a visitor met instead of what it expected (serde's `Unexpected`, as serde_json shows it). */
export function unexpected(content) {
  switch (content.c) {
    case 'bool': return `boolean \`${content.v}\``;
    case 'u64':
    case 'i64': return `integer \`${content.v}\``;
    case 'f64': return `floating point \`${formatFloat(content.v)}\``;
    case 'str': return `string ${debugString(content.v)}`;
    case 'unit': return 'null';
    case 'seq': return 'sequence';
    case 'map': return 'map';
    default: return content.c;
  }
}

export const invalidType = (content, expected) =>
  new SerdeError(`invalid type: ${unexpected(content)}, expected ${expected}`);
export const invalidValue = (content, expected) =>
  new SerdeError(`invalid value: ${unexpected(content)}, expected ${expected}`);
export const invalidLength = (length, expected) => new SerdeError(`invalid length ${length}, expected ${expected}`);
export const missingField = (name) => new SerdeError(`missing field \`${name}\``);
export const duplicateField = (name) => new SerdeError(`duplicate field \`${name}\``);

export function unknownVariant(name, variants) {
  return new SerdeError(`unknown variant \`${name}\`, expected ${oneOf(variants)}`);
}

function oneOf(names) {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length === 0) return 'there are no variants';
  if (quoted.length === 1) return quoted[0];
  if (quoted.length === 2) return `${quoted[0]} or ${quoted[1]}`;
  return `one of ${quoted.join(', ')}`;
}

/**
 * A float as serde_json prints one in an error: the shortest digits that
 * read back to it, in plain notation for decimal exponents -5 to 15 (with
 * ".0" when whole), otherwise as "d.ddde+NN".
 */
export function formatFloat(x) {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -5 || e > 15) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

/** A string as Rust's `{:?}` shows it. */
export function debugString(s) {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code === 0) out += '\\0';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}
