// Recursive data: a struct holding a slice of itself crosses the boundary
// both ways, however deep, in plain objects and in Zig-built trees.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/recursive-trees';

/** A plain-object tree of `levels` levels, each node holding its level. */
function plainTree(levels) {
  return levels <= 1 ? { value: 1 } : { value: levels, children: [plainTree(levels - 1), plainTree(levels - 1)] };
}

for (const mode of MODES) {
  describe(`${mode}: recursive trees`, () => {
    test('a tree of plain objects passes by value, defaults filling missing children', async () => {
      const { total } = await importFixture(FIXTURE, { mode });
      assert.equal(total({ value: 1, children: [{ value: 2 }, { value: 3, children: [{ value: 4 }] }] }), 10);
    });

    test('a deep tree passes by pointer', async () => {
      const { depth } = await importFixture(FIXTURE, { mode });
      let node = { value: 0 };
      for (let i = 0; i < 40; i++) node = { value: i, children: [node] };
      assert.equal(depth(node), 41);
    });

    test('a tree Zig built with an allocator reads as nested objects', async () => {
      const { build } = await importFixture(FIXTURE, { mode });
      const tree = build(3);
      assert.equal(tree.children.length, 2);
      assert.equal(tree.children[1].children[0].value, 1);
      assert.deepEqual(tree.valueOf(), {
        value: 3,
        children: [
          { value: 2, children: [{ value: 1, children: [] }, { value: 1, children: [] }] },
          { value: 2, children: [{ value: 1, children: [] }, { value: 1, children: [] }] },
        ],
      });
    });

    test('a tree Zig built passes back in', async () => {
      const { build, total, depth } = await importFixture(FIXTURE, { mode });
      const tree = build(6);
      assert.equal(total(tree), total(plainTree(6)));
      assert.equal(depth(tree), 6);
    });

    test('a child of the wrong shape is refused with its path', async () => {
      const { total } = await importFixture(FIXTURE, { mode });
      assert.throws(() => total({ value: 1, children: [{ value: 'x' }] }), { name: 'TypeError', message: /children\[0\]\.value/ });
      assert.throws(() => total({ value: 1, children: 5 }), { name: 'TypeError', message: /children/ });
    });
  });
}
