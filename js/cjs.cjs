// Makes `.zig` files loadable with require(): `require('zigport/cjs')`, then
// `require('./f.zig')`. The work is done by zigport's ES modules
// (internal/cjs/require-zig.js), which this file loads with require(), so it
// needs a Node.js that can require() ES modules.
'use strict';

if (!process.features.require_module) {
  throw new Error(
    `zigport/cjs needs a Node.js that can require() ES modules (20.19 or later, 22.12 or later); ${whyNot()}. ` +
      "Upgrade Node.js, or load .zig files with import under `node --import zigport/register`.",
  );
}

const { requireZig } = require('./internal/cjs/require-zig.js');

// Node's hook for a file extension: it resolves the path (a missing file is
// its usual MODULE_NOT_FOUND) and caches the result in require.cache.
require.extensions['.zig'] = (module, filename) => {
  module.exports = requireZig(filename);
};

/** Why this Node.js cannot require() ES modules: too old, or turned off by a flag. */
function whyNot() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const version = `Node.js ${process.version}`;
  if (major === 22 && minor < 12) return `${version} has it only with --experimental-require-module`;
  if (major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19)) {
    return `${version} has it turned off (--no-experimental-require-module)`;
  }
  return `this is ${version}`;
}
