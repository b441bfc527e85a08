// The `zigport_options` module the exporter imports: the build options
// that change what it exports or how it prints, as Zig constants. One file
// per distinct set, in the cache.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKey } from './cache.js';

/** Text of the options module for `options` (see options.js). */
export function optionsText({ omitFunctions = false, omitVariables = false, useRedirection = true }) {
  return [
    '//! Build options of one zigport module (generated).',
    `pub const omit_functions = ${omitFunctions};`,
    `pub const omit_variables = ${omitVariables};`,
    `pub const use_redirection = ${useRedirection};`,
    '',
  ].join('\n');
}

/** Path of the options module with `text`, written into the cache `root` if missing. */
export function optionsModule(root, text) {
  const file = join(root, 'generated', `options-${buildKey([text])}.zig`);
  if (!existsSync(file)) {
    mkdirSync(join(root, 'generated'), { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, text);
    renameSync(aside, file);
  }
  return file;
}
