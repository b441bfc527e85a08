// The addon's tie primitives: a tieable buffer's pages mapped into a real
// WebAssembly memory, seen from both sides, through memory.grow, and back to
// zero pages when untied; misuse refused with errors; mappings not leaked.
//
// They exercise the native addon directly with a WebAssembly.Memory made
// here, so these tests do not loop over MODES.
import { test as baseTest } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addon } from '../../js/internal/runtime/addon.js';
import { spawnNode } from '../helpers/fixtures.js';

// Without external buffers (ZIGPORT_NO_EXTERNAL=1) no JS buffer can share
// pages with anything: tieableBuffer gives ordinary buffers, so none of this
// applies (tests/memory/without-external-buffers.test.js covers that mode).
const noTies = !addon.externalBuffers() && 'no tieable memory without external buffers';
const test = (name, fn) => baseTest(name, { skip: noTies }, fn);

const PAGE = addon.pageSize();
const WASM_PAGE = 65536;
/** The cap on live ties the addon documents. */
const MAX_LIVE_TIES = 8192;

function newMemory(initial = 4) {
  return new WebAssembly.Memory({ initial, maximum: 1000 });
}

/** Lines in this process's memory map: one per mapping entry. */
function mappingCount() {
  return readFileSync('/proc/self/maps', 'utf8').split('\n').length;
}

/** Mapping entries from `address` to the end of a wasm32 memory's reservation (at most 16 GiB). */
function entriesFrom(address) {
  const start = BigInt(address);
  const end = start + 16n * 2n ** 30n;
  return readFileSync('/proc/self/maps', 'utf8')
    .split('\n')
    .filter((line) => line)
    .map((line) => BigInt(`0x${line.slice(0, line.indexOf('-'))}`))
    .filter((from) => from >= start && from < end).length;
}

function bytes(buffer, offset = 0, length = buffer.byteLength - offset) {
  return new Uint8Array(buffer, offset, length);
}

test('a tieable buffer has the byte length asked for, zero-filled', () => {
  const buffer = addon.tieableBuffer(10_000);
  assert.equal(buffer.byteLength, 10_000);
  assert.ok(bytes(buffer).every((b) => b === 0));
  assert.equal(addon.isTieable(buffer), true);
});

test('the page size is a power of two of at least 4 KiB', () => {
  assert.ok(PAGE >= 4096 && (PAGE & (PAGE - 1)) === 0, `page size ${PAGE}`);
});

test('an empty tieable buffer works but is not tieable', () => {
  const buffer = addon.tieableBuffer(0);
  assert.equal(buffer.byteLength, 0);
  assert.equal(addon.isTieable(buffer), false);
});

test('only buffers made by tieableBuffer are tieable', () => {
  assert.equal(addon.isTieable(new ArrayBuffer(PAGE)), false);
  assert.equal(addon.isTieable(newMemory().buffer), false);
  assert.equal(addon.isTieable(new Uint8Array(PAGE)), false);
  assert.equal(addon.isTieable(null), false);
});

test('tied pages are the same bytes in the buffer and in wasm memory', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(4 * PAGE);
  bytes(source).fill(7);
  assert.equal(addon.tiePages(memory.buffer, WASM_PAGE, source, PAGE, 2 * PAGE), true);
  const wasm = bytes(memory.buffer, WASM_PAGE, 2 * PAGE);
  assert.ok(wasm.every((b) => b === 7), 'the source bytes are visible in wasm memory');

  bytes(source)[PAGE + 10] = 1;
  assert.equal(wasm[10], 1, 'a write through the buffer shows in wasm memory');
  wasm[PAGE + 20] = 2;
  assert.equal(bytes(source)[2 * PAGE + 20], 2, 'a write in wasm memory shows in the buffer');
  assert.equal(bytes(memory.buffer)[WASM_PAGE - 1], 0, 'bytes before the tie are untouched');
  assert.equal(bytes(memory.buffer)[WASM_PAGE + 2 * PAGE], 0, 'bytes after the tie are untouched');

  addon.untiePages(memory.buffer, WASM_PAGE, 2 * PAGE);
});

test('a tie survives memory.grow: new buffer, same base, same pages', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(PAGE);
  const base = addon.memoryAddress(memory.buffer);
  assert.equal(typeof base, 'number');
  assert.equal(base % PAGE, 0);
  assert.equal(addon.tiePages(memory.buffer, 2 * WASM_PAGE, source, 0, PAGE), true);

  const before = memory.buffer;
  memory.grow(16);
  assert.notEqual(memory.buffer, before);
  assert.equal(addon.memoryAddress(memory.buffer), base, 'V8 grew the memory in place');
  bytes(source)[3] = 33;
  assert.equal(bytes(memory.buffer)[2 * WASM_PAGE + 3], 33);
  bytes(memory.buffer)[2 * WASM_PAGE + 4] = 44;
  assert.equal(bytes(source)[4], 44);

  addon.untiePages(memory.buffer, 2 * WASM_PAGE, PAGE);
});

test('untie puts zeros back in wasm memory and leaves the buffer its bytes', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(3 * PAGE);
  bytes(source).fill(9);
  const ties = addon.liveTies();
  const entries = entriesFrom(addon.memoryAddress(memory.buffer));
  assert.equal(addon.tiePages(memory.buffer, 0, source, 0, 3 * PAGE), true);
  assert.equal(addon.liveTies(), ties + 1);

  addon.untiePages(memory.buffer, 0, 3 * PAGE);
  assert.ok(bytes(memory.buffer, 0, 3 * PAGE).every((b) => b === 0));
  assert.ok(bytes(source).every((b) => b === 9));
  assert.equal(addon.liveTies(), ties);
  assert.equal(entriesFrom(addon.memoryAddress(memory.buffer)), entries, 'the untied range merged back');
  bytes(memory.buffer)[5] = 5;
  assert.equal(bytes(source)[5], 9, 'the ranges are no longer aliased');
});

test('a byte length that is not whole pages ties all its pages', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(PAGE + 1);
  bytes(source)[PAGE] = 1;
  assert.equal(addon.tiePages(memory.buffer, 0, source, 0, 2 * PAGE), true);
  assert.equal(bytes(memory.buffer)[PAGE], 1, 'the last page is the whole file page');
  addon.untiePages(memory.buffer, 0, 2 * PAGE);
});

test('a source that is not tieable asks for a copy instead', () => {
  const memory = newMemory();
  assert.equal(addon.tiePages(memory.buffer, 0, new ArrayBuffer(PAGE), 0, PAGE), false);
  assert.equal(addon.tiePages(memory.buffer, 0, addon.tieableBuffer(0), 0, PAGE), false);
  assert.equal(bytes(memory.buffer)[0], 0);
});

/** Asserts that `fn` throws a `name` with code ZIGPORT_TIE and a message matching `message`. */
function assertRefused(fn, name, message) {
  assert.throws(fn, (err) => {
    assert.equal(err.name, name, err.message);
    assert.equal(err.code, 'ZIGPORT_TIE');
    assert.match(err.message, message);
    return true;
  });
}

test('misplaced or missized ties are refused before any mapping changes', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(2 * PAGE);
  bytes(memory.buffer).fill(1);
  const ties = addon.liveTies();
  const end = memory.buffer.byteLength;
  const tie = (memoryOffset, sourceOffset, byteLength) => () =>
    addon.tiePages(memory.buffer, memoryOffset, source, sourceOffset, byteLength);
  const refusals = [
    [tie(100, 0, PAGE), /memoryOffset \(100\) must be a multiple of the page size/],
    [tie(0, 1, PAGE), /sourceOffset \(1\) must be a multiple of the page size/],
    [tie(0, 0, 0), /byteLength \(0\) must be a positive multiple of the page size/],
    [tie(0, 0, PAGE + 1), /must be a positive multiple of the page size/],
    [tie(-PAGE, 0, PAGE), /memoryOffset must be a whole number from 0 to \d+, got -/],
    [tie(0.5, 0, PAGE), /memoryOffset must be a whole number .*, got 0.5/],
    [tie(NaN, 0, PAGE), /memoryOffset must be a whole number .*, got NaN/],
    [tie(0, 0, Infinity), /byteLength must be a whole number .*, got Infinity/],
    [tie(end, 0, PAGE), /past the memory's current byteLength/],
    [tie(end - PAGE, 0, 2 * PAGE), /past the memory's current byteLength/],
    [tie(0, PAGE, 2 * PAGE), /past the source's \d+ tieable bytes/],
  ];
  for (const [fn, message] of refusals) assertRefused(fn, 'RangeError', message);
  assert.ok(bytes(memory.buffer).every((b) => b === 1), 'nothing was mapped');
  assert.equal(addon.liveTies(), ties);
});

test('what is not a WebAssembly memory or a byte count is refused as one', () => {
  const source = addon.tieableBuffer(PAGE);
  const tieInto = (memory) => () => addon.tiePages(memory, 0, source, 0, PAGE);
  const refusals = [
    [tieInto(new Uint8Array(WASM_PAGE)), 'TypeError', /memory must be an ArrayBuffer/],
    [tieInto(new ArrayBuffer(1000)), 'TypeError', /memory must be a WebAssembly.Memory's buffer/],
    [tieInto(addon.tieableBuffer(WASM_PAGE)), 'TypeError', /it is a tieable buffer/],
    [() => addon.tiePages(newMemory().buffer, 0, 'x', 0, PAGE), 'TypeError', /source must be an ArrayBuffer/],
    [() => addon.memoryAddress({}), 'TypeError', /memory must be an ArrayBuffer/],
    [() => addon.tieableBuffer(-1), 'RangeError', /byteLength must be a whole number from 0 to 4294967296, got -1/],
    [() => addon.tieableBuffer(1.5), 'RangeError', /got 1.5/],
    [() => addon.tieableBuffer(2 ** 32 + 1), 'RangeError', /from 0 to 4294967296/],
  ];
  for (const [fn, name, message] of refusals) assertRefused(fn, name, message);
});

test('a tie over a live tie is refused; untie takes exactly a tied range', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(4 * PAGE);
  assert.equal(addon.tiePages(memory.buffer, PAGE, source, 0, 2 * PAGE), true);
  const tie = (offset) => () => addon.tiePages(memory.buffer, offset, source, 0, 2 * PAGE);
  const untie = (offset, length, buffer = memory.buffer) => () => addon.untiePages(buffer, offset, length);
  assertRefused(tie(2 * PAGE), 'Error', new RegExp(`overlap the tie at ${PAGE}..${3 * PAGE}: untie it first`));
  assertRefused(tie(0), 'Error', /untie it first/);
  assertRefused(untie(PAGE, PAGE), 'Error', /are not a tie/);
  assertRefused(untie(0, 3 * PAGE), 'Error', /are not a tie/);
  assertRefused(untie(PAGE, 2 * PAGE, newMemory().buffer), 'Error', /are not a tie/);
  assertRefused(untie(10 * WASM_PAGE, PAGE), 'RangeError', /past the memory's current byteLength/);
  bytes(source)[0] = 3;
  assert.equal(bytes(memory.buffer)[PAGE], 3, 'the refusals left the tie alone');
  addon.untiePages(memory.buffer, PAGE, 2 * PAGE);
  assertRefused(() => addon.untiePages(memory.buffer, PAGE, 2 * PAGE), 'Error', /are not a tie/);
});

test('10,000 tie/untie cycles leave the memory map as it was', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(2 * PAGE);
  const base = addon.memoryAddress(memory.buffer);
  const ties = addon.liveTies();
  const before = { all: mappingCount(), memory: entriesFrom(base) };
  let most = before.memory;
  for (let i = 0; i < 10_000; i++) {
    const offset = (i % 16) * PAGE;
    assert.equal(addon.tiePages(memory.buffer, offset, source, (i % 2) * PAGE, PAGE), true);
    if (i % 1000 === 0) most = Math.max(most, entriesFrom(base));
    addon.untiePages(memory.buffer, offset, PAGE);
  }
  assert.ok(most <= before.memory + 2, `a tie splits the memory's entry in at most 3 (${before.memory} -> ${most})`);
  assert.equal(entriesFrom(base), before.memory, 'every untied range merged back');
  // Other mappings come and go as the process runs; leaked ties would be thousands.
  assert.ok(mappingCount() < before.all + 64, `${before.all} mapping entries before, ${mappingCount()} after`);
  assert.equal(addon.liveTies(), ties);
});

test('past the cap on live ties, tiePages asks for a copy', () => {
  const memory = newMemory(Math.ceil((8200 * PAGE) / WASM_PAGE));
  const source = addon.tieableBuffer(PAGE);
  const ties = addon.liveTies();
  let tied = 0;
  while (addon.liveTies() < MAX_LIVE_TIES) {
    assert.equal(addon.tiePages(memory.buffer, tied * PAGE, source, 0, PAGE), true);
    tied++;
  }
  assert.equal(addon.tiePages(memory.buffer, tied * PAGE, source, 0, PAGE), false);
  for (let i = 0; i < tied; i++) addon.untiePages(memory.buffer, i * PAGE, PAGE);
  assert.equal(addon.liveTies(), ties);
  assert.equal(addon.tiePages(memory.buffer, 0, source, 0, PAGE), true, 'room again after untying');
  addon.untiePages(memory.buffer, 0, PAGE);
});

test('forgetTies drops the records of a memory without touching it', () => {
  const memory = newMemory();
  const source = addon.tieableBuffer(PAGE);
  const ties = addon.liveTies();
  assert.equal(addon.tiePages(memory.buffer, 0, source, 0, PAGE), true);
  assert.equal(addon.tiePages(memory.buffer, 2 * PAGE, source, 0, PAGE), true);
  assert.equal(addon.forgetTies(addon.memoryAddress(memory.buffer)), 2);
  assert.equal(addon.liveTies(), ties);
  assertRefused(() => addon.untiePages(memory.buffer, 0, PAGE), 'Error', /are not a tie/);
  assertRefused(() => addon.forgetTies(-1), 'RangeError', /address must be a whole number/);
});

// Run in a child with --expose-gc, so that collection can be forced.
const GC_SCRIPT = `
import { readFileSync } from 'node:fs';
import { setImmediate as tick } from 'node:timers/promises';
const { addon } = await import(${JSON.stringify(new URL('../../js/internal/runtime/addon.js', import.meta.url).href)});
const PAGE = addon.pageSize();
const memfds = () =>
  readFileSync('/proc/self/maps', 'utf8').split('\\n').filter((line) => line.includes('/memfd:zigport-tie')).length;
async function collect() {
  for (let i = 0; i < 10; i++) { gc(); await tick(); }
}
const result = { before: memfds() };
(() => { for (let i = 0; i < 100; i++) addon.tieableBuffer(16 * PAGE); })();
result.made = memfds();
await collect();
result.collected = memfds();

const memory = new WebAssembly.Memory({ initial: 4, maximum: 1000 });
(() => {
  const source = addon.tieableBuffer(PAGE);
  new Uint8Array(source)[0] = 77;
  addon.tiePages(memory.buffer, 0, source, 0, PAGE);
})();
await collect();
result.tiedAfterCollect = memfds();
result.byteAfterCollect = new Uint8Array(memory.buffer)[0];
addon.untiePages(memory.buffer, 0, PAGE);
result.afterUntie = memfds();
console.log(JSON.stringify(result));
`;

test('a collected tieable buffer frees its mapping; its ties keep its pages', async () => {
  const child = await spawnNode(['--expose-gc', '--input-type=module', '-e', GC_SCRIPT]);
  assert.equal(child.status, 0, child.stderr);
  const result = JSON.parse(child.stdout);
  assert.equal(result.made, result.before + 100);
  assert.equal(result.collected, result.before, 'every collected buffer was unmapped');
  assert.equal(result.tiedAfterCollect, result.before + 1, 'only the tie maps the collected buffer\'s file');
  assert.equal(result.byteAfterCollect, 77);
  assert.equal(result.afterUntie, result.before);
});
