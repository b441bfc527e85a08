// The JavaScript module check (js/internal/marshal/descriptor/) against the
// Rust one in the addon: on the descriptors of real modules compiled to
// WebAssembly, on thousands of seeded mutants of them, and on each refusal
// of the facts the host reads. Both must return the same layouts, or refuse
// with the same message.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { addon } from '../../js/internal/runtime/addon.js';
import {
  ABI_VERSION, WASM_REQUIRED_EXPORTS, checkWasmModule,
} from '../../js/internal/marshal/descriptor/index.js';
import { mutants, targetedMutants } from '../helpers/descriptor-mutator.js';
import { wasmFacts } from '../helpers/wasm-facts.js';

/** Fixtures spanning the type matrix: every kind of type, declaration and call the exporter describes. */
const FIXTURES = [
  'types/optional-values', 'types/function-pointers', 'types/error-unions', 'types/opaque-handles',
  'types/error-sets', 'types/integer-widths', 'types/float-widths', 'types/odd-integer-widths',
  'pointers/slice-parameters', 'pointers/pointer-error-unions', 'pointers/c-style-strings',
  'pointers/many-item-pointers', 'pointers/struct-pointer-graphs', 'pointers/allocator-values',
  'pointers/slices-of-slices', 'pointers/pointer-variables', 'pointers/pointer-vectors',
  'structures/bare-unions', 'structures/tagged-unions', 'structures/packed-colour-registers',
  'structures/vectors-and-sentinels', 'structures/bool-vectors', 'structures/comptime-fields',
  'structures/recursive-trees', 'structures/struct-methods', 'structures/bit-packed-int-vectors',
  'declarations/comptime-constants', 'declarations/comptime-unions', 'declarations/comptime-error-unions',
  'declarations/comptime-functions', 'declarations/meta-zigar-fields', 'declarations/unsupported-declarations',
  'declarations/comptime-nesting', 'callbacks/js-functions-as-callbacks', 'iterators/counting-iterators',
  'async/promises', 'async/generators', 'calls/many-parameters', 'c/variadic-values',
];

/** Mutants per fixture: over 5,000 in all. */
const MUTANTS_EACH = 140;

const facts = new Map();

before(async () => {
  // A few compiles at a time: each is a Zig process of its own.
  const queue = [...FIXTURES];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) facts.set(name, await wasmFacts(name));
  };
  await Promise.all(Array.from({ length: 6 }, worker));
});

/** What a check made of `facts`: its layouts, or the class and message of its refusal. */
function outcome(check, moduleFacts) {
  try {
    return { layouts: check(moduleFacts) };
  } catch (err) {
    return { error: `${err.constructor.name}: ${err.message}` };
  }
}

const rust = (f) => outcome((x) => JSON.parse(addon.wasmCheckModule(x)), f);
const js = (f) => outcome(checkWasmModule, f);

test('real modules: the same layouts, in the same key order', () => {
  assert.ok(FIXTURES.length >= 25);
  for (const name of FIXTURES) {
    const f = facts.get(name);
    const expected = rust(f);
    assert.ok(expected.layouts, `${name}: the addon refused it (${expected.error})`);
    const found = js(f);
    assert.deepStrictEqual(found, expected, name);
    assert.equal(JSON.stringify(found), JSON.stringify(expected), `${name}: key order`);
  }
});

test('mutated descriptors: both accept with the same layouts or refuse with the same message', () => {
  let accepted = 0;
  let total = 0;
  FIXTURES.forEach((name, k) => {
    const f = facts.get(name);
    for (const { text, label } of mutants(f.descriptor, MUTANTS_EACH, 1000 + k)) {
      const mutant = { ...f, descriptor: text };
      const expected = rust(mutant);
      assert.deepStrictEqual(js(mutant), expected, `${name}, mutant ${label}`);
      if (expected.layouts) accepted += 1;
      total += 1;
    }
  });
  assert.ok(total >= 5000, `${total} mutants`);
  // Some damage leaves a valid descriptor (a flag flipped, a name changed),
  // and some refusals come from each layer; neither side may be all there is.
  assert.ok(accepted > 0 && accepted < total, `${accepted} of ${total} mutants accepted`);
});

test('hand-picked damages: JSON syntax, structs as arrays, enums as maps, wrapping sums', () => {
  for (const name of ['structures/comptime-fields', 'pointers/slice-parameters', 'structures/tagged-unions']) {
    const f = facts.get(name);
    for (const [label, text] of targetedMutants(f.descriptor)) {
      const mutant = { ...f, descriptor: text };
      assert.deepStrictEqual(js(mutant), rust(mutant), `${name}: ${label}`);
    }
  }
});

test('the facts the host reads: each refusal alike', () => {
  const f = facts.get('types/optional-values');
  const cases = [
    ...WASM_REQUIRED_EXPORTS.map((name) => ({ ...f, exports: f.exports.filter((e) => e !== name) })),
    { ...f, exports: [] },
    { ...f, abiVersion: undefined },
    { ...f, abiVersion: ABI_VERSION + 1 },
    { ...f, abiVersion: 0 },
    { ...f, layoutsHold: false },
    { ...f, layoutsHold: undefined },
    { ...f, descriptor: undefined, descriptorNotUtf8: true },
    { ...f, descriptor: undefined },
    { ...f, descriptor: '' },
    { ...f, descriptor: 'not json' },
    { ...f, descriptor: `${f.descriptor} x` },
    { ...f, descriptor: f.descriptor.replace('"pointer_size":4', '"pointer_size":8') },
    { ...f, descriptor: f.descriptor.replace(/"abi":\d+/, `"abi":${ABI_VERSION + 1}`) },
    { ...f, path: '/some/where/else.wasm', layoutsHold: false },
  ];
  for (const [i, c] of cases.entries()) {
    const expected = rust(c);
    assert.ok(expected.error, `case ${i} is a refusal`);
    assert.deepStrictEqual(js(c), expected, `case ${i}`);
  }
});

test('the ABI version is the one the addon expects', () => {
  const f = facts.get('types/optional-values');
  assert.equal(f.abiVersion, ABI_VERSION);
  assert.deepStrictEqual(WASM_REQUIRED_EXPORTS, addon.wasmRequiredExports());
  // The addon's refusal names the version it expects.
  const refusal = rust({ ...f, abiVersion: ABI_VERSION + 7 }).error;
  assert.match(refusal, new RegExp(`this runtime speaks version ${ABI_VERSION};`));
});

test('the largest descriptor checks in a few milliseconds', () => {
  const largest = [...facts.values()].reduce((a, b) => (a.descriptor.length > b.descriptor.length ? a : b));
  checkWasmModule(largest);
  const start = performance.now();
  for (let i = 0; i < 10; i += 1) checkWasmModule(largest);
  const each = (performance.now() - start) / 10;
  assert.ok(each < 50, `${each.toFixed(1)} ms for ${largest.descriptor.length} bytes`);
});
