// The names a module exports besides its default export, and the lines of
// the generated ES module that export them: the same for every way it is
// loaded (Node's hooks, a bundle).

/**
 * The module's own root declarations that are constant (functions,
 * constants, types, `pub const` variables), then `__zigar`. Declarations of
 * its types are on their classes, and the functions the exporter adds for
 * the runtime are not declarations.
 */
export function exportNames(descriptor) {
  const names = [
    ...descriptor.functions.filter((f) => !f.role && !f.hidden),
    ...descriptor.constants,
    ...(descriptor.type_decls ?? []),
    ...descriptor.variables.filter((v) => !v.mutable),
  ].filter((d) => d.owner == null).map((d) => d.name).filter((name) => name !== 'default' && name !== '__zigar');
  names.push('__zigar');
  return names;
}

/**
 * Lines exporting `zig.namespace` as the default export and `zig.exports[name]`
 * under each name; `zig` is the loaded module in the generated code.
 */
export function reExports(names) {
  const lines = ['export default zig.namespace;'];
  names.forEach((name, i) => {
    lines.push(`const e${i} = zig.exports[${JSON.stringify(name)}];`);
    lines.push(`export { e${i} as ${JSON.stringify(name)} };`);
  });
  return lines;
}
