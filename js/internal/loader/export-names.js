// The names a module exports besides its default export, the same for
// every way it is loaded (Node's hooks, a bundle).

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
