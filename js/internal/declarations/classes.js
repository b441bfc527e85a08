// Declarations of the JS objects zigport makes for Zig types: a struct or
// union is an interface for its instances plus a constant for its class
// (constructed with an init object, called on memory to view it, holding
// the type's functions and declarations); an enum, its members; an error
// set, its errors. Instance interfaces follow types/struct.js and
// types/enum.js; statics follow runtime/module.js.
import { propertyKey } from './names.js';
import { group, unknown } from './type-text.js';

/**
 * The declaration lines for type `index`, whose identifier is `name`.
 * `parts`: `{ descriptor, text, signatures, classes, statics(index) }`,
 * where `statics` gives the lines of its own declarations.
 */
export function typeDeclaration(index, name, parts) {
  const t = parts.descriptor.types[index];
  if (t.kind === 'enum') return enumDeclaration(t, name, parts.statics(index));
  if (t.kind === 'error_set') return errorSetDeclaration(t, name, parts.statics(index));
  return structDeclaration(index, t, name, { ...parts, statics: parts.statics(index) });
}

/** Whether type `t` gets a declaration of its own. */
export function isDeclaredKind(t) {
  return t.kind === 'enum' || t.kind === 'error_set' || (t.kind === 'struct' && !t.role);
}

function structDeclaration(index, t, name, { text, classes, statics }) {
  const init = classes.initName(index);
  const fields = t.fields.filter((f) => !f.comptime);
  const tagged = t.tag != null;
  const lines = [`type ${init} = ${initText(t, fields, text)};`, `interface ${name} {`];
  for (const f of fields) {
    // A tagged union's inactive field reads as null.
    const out = text(f.type, 'out') + (tagged ? ' | null' : '');
    lines.push(`  get ${propertyKey(f.name)}(): ${out};`);
    lines.push(`  set ${propertyKey(f.name)}(value: ${text(f.type, 'in')});`);
  }
  for (const f of t.fields.filter((f) => f.comptime)) {
    lines.push(`  readonly ${propertyKey(f.name)}: ${unknown('a comptime field')};`);
  }
  lines.push(
    `  get $(): ${name};`,
    `  set $(value: ${name} | ${init});`,
    `  valueOf(): ${plainText(index, t, { text, classes })};`,
    '  toJSON(): unknown;',
    '  readonly dataView: DataView;',
    '  base64: string;',
    ...classes.methods(index).map((line) => `  ${line}`),
    '}',
  );
  const optionalInit = !t.union && fields.every((f) => 'default' in f);
  lines.push(
    `declare const ${name}: {`,
    `  new (init${optionalInit ? '?' : ''}: ${name} | ${init}): ${name};`,
    `  (memory: ArrayBuffer | ArrayBufferView): ${name};`,
    `  readonly prototype: ${name};`,
    ...statics.map((line) => `  ${line}`),
    '};',
  );
  return lines;
}

/** The object of field values `new T(init)` takes: all fields (those with defaults optional), or one of a union's. */
function initText(t, fields, text) {
  if (t.union) return fields.map((f) => `{ ${propertyKey(f.name)}: ${text(f.type, 'in')} }`).join(' | ') || 'never';
  const entries = fields.map((f) => `${propertyKey(f.name)}${'default' in f ? '?' : ''}: ${text(f.type, 'in')}`);
  return `{ ${entries.join('; ')} }`;
}

/** What `valueOf()` gives: field values with objects turned plain (types/memory.js's plain()). */
function plainText(index, t, { text, classes }, seen = new Set()) {
  if (seen.has(index)) return unknown('a recursive value');
  const fields = t.fields.filter((f) => !f.comptime);
  const inner = new Set([...seen, index]);
  const plainOf = (f) => fieldPlain(f.type, { text, classes }, inner);
  if (t.union) return fields.map((f) => `{ ${propertyKey(f.name)}: ${plainOf(f)} }`).join(' | ') || 'never';
  return `{ ${fields.map((f) => `${propertyKey(f.name)}: ${plainOf(f)}`).join('; ')} }`;
}

function fieldPlain(index, parts, seen) {
  const t = parts.classes.type(index);
  if (t.kind === 'struct' && !t.role && parts.classes.name(index)) return plainText(index, t, parts, seen);
  if (t.kind === 'enum') return 'string';
  if (t.kind === 'optional') return `${group(fieldPlain(t.child, parts, seen))} | null`;
  if (['int', 'float', 'bool'].includes(t.kind)) return parts.text(index, 'out');
  return unknown(`the plain form of ${t.name}`);
}

function enumDeclaration(t, name, statics) {
  return [
    `interface ${name} {`,
    '  readonly $name: string;',
    '  valueOf(): string;',
    '  toString(): string;',
    '  toJSON(): string;',
    '}',
    `declare const ${name}: {`,
    `  (key: ${name} | string | number | bigint): ${name} | undefined;`,
    `  readonly prototype: ${name};`,
    ...t.members.map((m) => `  readonly ${propertyKey(m.name)}: ${name};`),
    ...statics.map((line) => `  ${line}`),
    '};',
  ];
}

function errorSetDeclaration(t, name, statics) {
  return [
    `declare const ${name}: {`,
    // Looks an error up by name, message, code or error object (types/error-set.js).
    '  (key: unknown): Error | undefined;',
    '  [Symbol.hasInstance](value: unknown): boolean;',
    ...(t.errors ?? []).map((e) => `  readonly ${propertyKey(e.name)}: Error;`),
    ...statics.map((line) => `  ${line}`),
    '};',
  ];
}
