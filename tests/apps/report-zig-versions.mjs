// Imports each .zig module URL given on the command line, in order, in this
// one process; run with `node --import <register> report-zig-versions.mjs URL...`.
// Prints a JSON array with, per module, `{ value }` (what its `zigVersion()`
// returned: the version of the Zig that compiled it) or `{ error }` (the
// message the import was rejected with).
const results = [];
for (const url of process.argv.slice(2)) {
  try {
    const module = await import(url);
    results.push({ value: module.zigVersion().string });
  } catch (err) {
    results.push({ error: err.message });
  }
}
console.log(JSON.stringify(results));
