// The ES module `zigport build` writes as a prebuilt module's entry
// (`lib/sum.js`): it loads the library for the platform it runs on through
// `zigport/prebuilt` and exports the module's values, as an import of the
// `.zig` file would.
import { reExports } from './export-names.js';

/**
 * The entry's text for module `name` (its source file's name), whose
 * library for each platform `files` gives relative to the entry, exporting
 * `names` (export-names.js); `about` is the header comment's first line.
 */
export function prebuiltEntry({ name, files, names, about }) {
  return [
    `// ${about}`,
    '// It loads the library built for the platform it runs on; rebuild it rather than edit it.',
    "import { loadPrebuiltModule } from 'zigport/prebuilt';",
    `const zig = loadPrebuiltModule(import.meta.url, ${JSON.stringify(name)}, ${JSON.stringify(files, null, 2)});`,
    ...reExports(names),
    '',
  ].join('\n');
}
