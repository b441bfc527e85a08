// Declarations of the JS objects zigport makes for Zig types: a struct or
// union is an interface for its instances plus a constant for its class
// (constructed with an init object, called on memory to view it, holding
// the type's functions and declarations); an enum, its members; an error
// set, its errors; an opaque type, the class of its handles; a declared
// scalar type, its class. Instance interfaces follow types/struct.js,
// types/enum.js, types/opaque.js and types/scalar-class.js; statics follow
// runtime/module.js.
import { propertyKey } from './names.js';

/**
 * What every handle class extends: a private member makes TypeScript tell
 * classes apart by declaration, so a handle of one opaque type is no other.
 */
export const HANDLE_BASE = ['declare abstract class ZigHandle {', '  private readonly $handle: never;', '}'];

/**
 * The declaration lines for type `index`, whose identifier is `name`.
 * `parts`: `{ descriptor, text, signatures, classes, statics(index) }`,
 * where `statics` gives the lines of its own declarations.
 */
export function typeDeclaration(index, name, parts) {
  const t = parts.descriptor.types[index];
  if (t.kind === 'enum') return enumDeclaration(t, name, parts.statics(index));
  if (t.kind === 'error_set') return errorSetDeclaration(t, name, parts.statics(index));
  if (t.kind === 'opaque') return handleDeclaration(name, parts.statics(index));
  if (isScalarKind(t)) return scalarDeclaration(index, name, parts);
  return structDeclaration(index, t, name, { ...parts, statics: parts.statics(index) });
}

/** Whether type `t` gets a declaration of its own. */
export function isDeclaredKind(t) {
  return ['enum', 'error_set', 'opaque'].includes(t.kind) || (t.kind === 'struct' && !t.role);
}

/** Whether `t` is a scalar type, whose class a module's declaration of it gives (`pub const Byte = u8`). */
export function isScalarKind(t) {
  return ['int', 'float', 'bool'].includes(t.kind);
}

function structDeclaration(index, t, name, { text, plain, classes, statics }) {
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
  // A comptime field is a read-only value of its type (types/comptime.js's fixedValue).
  for (const f of t.fields.filter((f) => f.comptime)) lines.push(`  readonly ${propertyKey(f.name)}: ${text(f.type, 'out')};`);
  // A tagged union converts to its active tag's name or value.
  if (tagged) lines.push('  [Symbol.toPrimitive](hint: string): string | number;');
  lines.push(
    `  get $(): ${name};`,
    `  set $(value: ${name} | ${init});`,
    `  valueOf(): ${plain(index)};`,
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
    // `Shape.tag`, the tag enum, unless a declaration of the union's own has the name.
    ...(tagged && classes.name(t.tag.type) && !statics.some((l) => /^(readonly |get )?tag\b/.test(l))
      ? [`  readonly tag: typeof ${classes.name(t.tag.type)};`] : []),
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

/** The class of an opaque type's handles, which only Zig functions make (types/opaque.js). */
function handleDeclaration(name, statics) {
  return [
    `declare class ${name} extends ZigHandle {`,
    '  private constructor();',
    `  private readonly $${name}: never;`,
    ...statics.map((line) => `  static ${line}`),
    '}',
  ];
}

/** The class of a declared scalar type: an instance holds one value (types/scalar-class.js). */
function scalarDeclaration(index, name, { text, statics }) {
  const [out, accepted] = [text(index, 'out'), text(index, 'in')];
  return [
    `interface ${name} {`,
    `  get $(): ${out};`,
    `  set $(value: ${accepted});`,
    `  valueOf(): ${out};`,
    `  [Symbol.toPrimitive](): ${out};`,
    '  toJSON(): unknown;',
    '  readonly dataView: DataView;',
    '  base64: string;',
    '}',
    `declare const ${name}: {`,
    `  new (value?: ${accepted}): ${name};`,
    `  (memory: ArrayBuffer | ArrayBufferView): ${name};`,
    `  readonly prototype: ${name};`,
    ...statics(index).map((line) => `  ${line}`),
    '};',
  ];
}
