// The checks the parity page runs in the browser and the parity test runs
// in Node's WebAssembly mode, on the module zig-fixtures/web/parity.zig;
// their JSON results must be equal. Nothing here uses Node or the DOM.

/** What `body` throws, as `{ name, message }`, or null. */
function thrown(body) {
  try {
    body();
    return null;
  } catch (err) {
    return { name: err.name, message: err.message };
  }
}

/** What `body` prints through console.log. */
function printed(body) {
  const lines = [];
  const original = console.log;
  console.log = (...args) => { lines.push(args.join(' ')); };
  try {
    body();
  } finally {
    console.log = original;
  }
  return lines;
}

/** Results of every check on module `zig` (its named exports). */
export function runChecks(zig) {
  const { Point, countVowels, greeting, doubled, report, growAndSum } = zig;
  const point = new Point({ x: 3, y: 4 });
  const memoryBefore = growAndSum(1);
  return {
    // The named exports, the same whether a bundler or Node's loader made them.
    exports: Object.keys(zig).filter((name) => name !== 'default').sort(),
    struct: { value: point.valueOf(), length: point.length(), scaled: point.scaled(2).valueOf(), json: JSON.stringify(point) },
    className: typeof Point,
    strings: { vowels: countVowels('Zig in the browser'), greeting: greeting().string },
    errors: { ok: doubled(21), negative: thrown(() => doubled(-1)) },
    console: printed(() => report(7)),
    memory: {
      small: String(memoryBefore),
      // 32 MiB grows memory past what the module started with; the point
      // made before still reads and calls correctly afterwards.
      large: String(growAndSum(32)),
      pointAfter: point.valueOf(),
      lengthAfter: point.length(),
    },
  };
}
