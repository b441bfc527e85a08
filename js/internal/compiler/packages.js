// A module's build.zig.zon: the nearest one in its folder or a parent up to
// the project root. Its dependencies become imports of the module; the copy
// zigport builds with has its `.path`s rewritten, since it
// lives in the cache (Zig takes only paths relative to the build root, so
// they are made relative to the build folder); and every file of a path dependency is an input of
// the build (URL dependencies are pinned by their hash).
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { nearestFile } from './project-files.js';
import { filesUnder } from './inputs.js';

// Strings are matched first, so that a `//` inside one is not a comment.
const STRING_OR_COMMENT = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*/g;
const PATH_FIELD = /(\.path\s*=\s*)"((?:[^"\\\n]|\\.)*)"/g;
const ENTRY = /\.(?:@"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][A-Za-z0-9_]*))\s*=\s*\.\{/g;

/** The build.zig.zon that applies to `source`, or null. */
export function findPackage(source) {
  const file = nearestFile(dirname(source), ['build.zig.zon']);
  if (!file) return null;
  const text = readFileSync(file, 'utf8');
  const dependencies = dependenciesOf(text, dirname(file));
  return { file, text, dependencies, copyFor: (buildDir) => relocated(text, dirname(file), buildDir) };
}

/** `[{ name, path }]`: each dependency, `path` absolute for a path dependency, else null. */
function dependenciesOf(text, dir) {
  const code = text.replace(STRING_OR_COMMENT, (token) => (token.startsWith('//') ? '' : token));
  const start = /\.dependencies\s*=\s*\.\{/.exec(code);
  if (!start) return [];
  const body = code.slice(start.index + start[0].length, closingBrace(code, start.index + start[0].length));
  const found = [];
  for (const entry of body.matchAll(ENTRY)) {
    // Only the fields of `.dependencies` itself name dependencies, not those inside one.
    if (depth(body, entry.index) !== 0) continue;
    const inner = body.slice(entry.index + entry[0].length, closingBrace(body, entry.index + entry[0].length));
    const path = /\.path\s*=\s*"((?:[^"\\\n]|\\.)*)"/.exec(inner);
    found.push({ name: entry[1] ?? entry[2], path: path ? resolve(dir, path[1]) : null });
  }
  return found;
}

/** Index of the `}` closing the brace opened just before `from`. */
function closingBrace(code, from) {
  let open = 1;
  for (let i = from; i < code.length; i++) {
    if (code[i] === '"') i = code.indexOf('"', i + 1);
    else if (code[i] === '{') open++;
    else if (code[i] === '}' && --open === 0) return i;
  }
  return code.length;
}

function depth(code, at) {
  let open = 0;
  for (let i = 0; i < at; i++) {
    if (code[i] === '{') open++;
    else if (code[i] === '}') open--;
  }
  return open;
}

/** `text` (a zon file in `dir`) with each `.path = "..."` made relative to `buildDir`. */
function relocated(text, dir, buildDir) {
  return text.replace(PATH_FIELD, (whole, field, path) => `${field}${JSON.stringify(relative(buildDir, resolve(dir, path)))}`);
}

/** The files a package build reads: the zon file and every file of each path dependency. */
export function packageInputs(pkg) {
  return [pkg.file, ...pkg.dependencies.filter((d) => d.path).flatMap((d) => filesUnder(d.path, () => true))];
}
