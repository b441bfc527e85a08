// Names in a generated declaration file: Zig allows any text as a name
// (`@"odd name"`), TypeScript does not. Every declaration the file makes
// gets an identifier of its own from one registry, and is exported (or put
// on an object type) under its Zig name, quoted where it is no identifier.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// Words TypeScript refuses as the name of a declared function, class or constant.
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public',
  'static', 'yield', 'await', 'arguments', 'eval', 'undefined', 'any', 'unknown', 'never', 'object',
  'string', 'number', 'boolean', 'bigint', 'symbol', 'type', 'declare', 'module', 'namespace',
]);

/** `name` as a property key of an object type or class: bare when it can be, quoted otherwise. */
export function propertyKey(name) {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** `name` as an export name (`export { x as "odd name" }`). */
export function exportKey(name) {
  return IDENTIFIER.test(name) && name !== 'default' ? name : JSON.stringify(name);
}

/**
 * Hands out identifiers for the file's own declarations: the Zig name when
 * it is a usable one not yet taken, else a variant of it. Zig names never
 * contain `$`, so the variants never meet a Zig name.
 */
export class Identifiers {
  #taken = new Set();

  claim(wanted) {
    const base = IDENTIFIER.test(wanted) && !RESERVED.has(wanted) ? wanted : `$${wanted.replace(/[^\w$]/g, '_')}`;
    let name = /^\d/.test(base) ? `$${base}` : base;
    for (let n = 2; this.#taken.has(name); n++) name = `${base}$${n}`;
    this.#taken.add(name);
    return name;
  }
}

/**
 * A readable identifier for Zig type name `zigName`: its last part
 * (`module.Point` -> `Point`, `Point(i32)` -> `Point`); for the types Zig
 * names after where they appear, what they are: a union's tag enum
 * (`@typeInfo(m.Shape).@"union".tag_type.?` -> `ShapeTag`), an anonymous
 * struct a function returns (`m.pair__struct_123` -> `PairStruct`), an
 * inline error set (`error{A,B}` -> `Errors`).
 */
export function shortName(zigName) {
  const tag = /^@typeInfo\((.*)\)\.@"union"\.tag_type\.\?$/s.exec(zigName);
  if (tag) return `${shortName(tag[1])}Tag`;
  if (zigName.startsWith('error{')) return 'Errors';
  const plain = zigName.replace(/\(.*$/s, '');
  const parts = plain.split('.');
  const last = parts[parts.length - 1] || 'Type';
  const anonymous = /^(.*)__(struct|union|enum|opaque)_\d+$/.exec(last);
  if (anonymous) return `${capitalized(anonymous[1])}${capitalized(anonymous[2])}`;
  return last;
}

function capitalized(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
