// The call kinds a soak runs: for each, `setup(module)` gives a `run(from,
// to)` that makes calls number `from` to `to - 1` and checks each result,
// keeping nothing, so that after a batch every object the calls made is
// garbage. A wrong result throws: a soak that leaks nothing but computes
// wrong is no pass.
import { tieableBuffer } from 'zigport';

/** Fails the soak on a wrong result. */
function expect(actual, wanted, what) {
  if (actual !== wanted) throw new Error(`${what}: got ${actual}, wanted ${wanted}`);
}

/** Kinds that need threads, which WebAssembly modules do not have. */
export const NATIVE_ONLY = new Set(['promise-thread']);

/** The exception `fn` throws (fails the soak if it returns). */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('the call was to throw');
}

export const KINDS = {
  /** Two numbers in, one out. */
  scalar: ({ add }) => (from, to) => {
    for (let i = from; i < to; i++) expect(add(i, 1), (i + 1) | 0, 'add');
  },

  /** A fresh typed array each call, read and written in place. */
  pointer: ({ bumpAll }) => (from, to) => {
    for (let i = from; i < to; i++) {
      const values = new Uint32Array(16).fill(i);
      expect(bumpAll(values), (i * 16) >>> 0, 'bumpAll');
      expect(values[15], (i + 1) >>> 0, 'bumpAll wrote');
    }
  },

  /** A plain object in, a struct object out. */
  'struct-value': ({ scaled }) => (from, to) => {
    for (let i = from; i < to; i++) {
      const p = scaled({ x: i, y: 1, z: 2 }, 2);
      expect(p.x, i * 2, 'scaled');
    }
  },

  /** A fresh struct object each call, written through the pointer. */
  'struct-pointer': ({ normalize, P }) => (from, to) => {
    for (let i = from; i < to; i++) {
      const p = new P({ x: 3, y: 4, z: 0 });
      expect(normalize(p), 5, 'normalize');
      expect(p.x, 0.6, 'normalize wrote');
    }
  },

  /** Memory Zig allocates and returns. */
  allocating: ({ repeat }) => (from, to) => {
    for (let i = from; i < to; i++) {
      const bytes = repeat(i & 255, 256);
      expect(bytes.length, 256, 'repeat length');
      expect(bytes[255], i & 255, 'repeat');
    }
  },

  /** A slice of a Zig global, returned by each call. */
  'zig-memory': ({ getTable }) => (from, to) => {
    for (let i = from; i < to; i++) {
      const table = getTable(i);
      expect(table[i % 64], i >>> 0, 'getTable');
    }
  },

  /** A fresh JS closure each call, called twice by Zig. */
  callback: ({ callTwice }) => (from, to) => {
    for (let i = from; i < to; i++) {
      const k = i & 1023;
      expect(callTwice((v) => v + k, i), (2 * i + 1 + 2 * k) | 0, 'callTwice');
    }
  },

  /** A promise settled during the call, awaited a thousand at a time. */
  promise: ({ resolveNow }) => async (from, to) => {
    for (let start = from; start < to; start += 1000) {
      const end = Math.min(to, start + 1000);
      const pending = [];
      for (let i = start; i < end; i++) pending.push(resolveNow(i));
      const results = await Promise.all(pending);
      for (let i = start; i < end; i++) expect(results[i - start], (i + 1) | 0, 'resolveNow');
    }
  },

  /**
   * A promise settled by a thread Zig starts for the purpose, after the
   * call returned, awaited a hundred at a time (threads exist natively only).
   */
  'promise-thread': ({ resolveOnThread }) => async (from, to) => {
    for (let start = from; start < to; start += 100) {
      const end = Math.min(to, start + 100);
      const pending = [];
      for (let i = start; i < end; i++) pending.push(resolveOnThread(i));
      const results = await Promise.all(pending);
      for (let i = start; i < end; i++) expect(results[i - start], (i + 1) | 0, 'resolveOnThread');
    }
  },

  /**
   * Calls that fail: an argument refused before Zig runs (a TypeError) and
   * an error Zig returns (thrown as a ZigError), in turn with calls that
   * succeed, since failure paths are where what a call took is easiest to
   * leave behind.
   */
  errors: ({ half, bumpAll }) => (from, to) => {
    for (let i = from; i < to; i++) {
      if (i % 3 === 0) {
        expect(thrown(() => bumpAll([1, 'two'])).name, 'TypeError', 'bumpAll refused');
      } else if (i % 2 === 1) {
        expect(thrown(() => half(i)).message, 'Odd', 'half of an odd number');
      } else {
        expect(half(i), i / 2, 'half');
      }
    }
  },

  /**
   * Buffers from tieableBuffer(), one to four pages, a new one every 100
   * calls: in wasm mode each is tied into the module's memory on first use
   * and untied when collected, so ties come and go all run long.
   */
  tied: ({ bumpAll }) => (from, to) => {
    let values = null;
    for (let i = from; i < to; i++) {
      if (values === null || i % 100 === 0) {
        values = new Uint32Array(tieableBuffer(4096 * (1 + ((i / 100) & 3))));
      }
      const before = values[0];
      bumpAll(values);
      expect(values[0], (before + 1) >>> 0, 'bumpAll on a tied buffer');
    }
  },
};
