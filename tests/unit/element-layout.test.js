// Which typed array a struct's field reads go through (element-view.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementIndex, elementLayout, elementsAt } from '../../js/internal/types/element-view.js';

const f64 = { inline: { array: Float64Array } };
const f32 = { inline: { array: Float32Array } };
const u16 = { inline: { array: Uint16Array } };
const u48 = { inline: { array: null } };

test('the element type most fields share is chosen', () => {
  const fields = [{ type: f32, offset: 0 }, { type: u16, offset: 4 }, { type: f32, offset: 8 }, { type: f32, offset: 12 }];
  assert.deepEqual(elementLayout(fields, 16), { Array: Float32Array, length: 4 });
});

test('fields the element size does not divide are not counted', () => {
  const fields = [{ type: f64, offset: 4 }, { type: f64, offset: 12 }, { type: u16, offset: 20 }];
  assert.deepEqual(elementLayout(fields, 24), { Array: Uint16Array, length: 12 });
});

test('a struct whose fields have no element type has no layout', () => {
  assert.equal(elementLayout([{ type: u48, offset: 0 }], 8), null);
  assert.equal(elementLayout([], 0), null);
});

test('a field reads its element only when its type is the layout\'s', () => {
  const layout = { Array: Float64Array, length: 3 };
  assert.equal(elementIndex(layout, f64, 16), 2);
  assert.equal(elementIndex(layout, f32, 16), -1);
  assert.equal(elementIndex(null, f64, 0), -1);
});

test('misaligned bytes, or bytes past the view, get no array', () => {
  const layout = { Array: Float64Array, length: 2 };
  const buffer = new ArrayBuffer(40);
  assert.equal(elementsAt(layout, new DataView(buffer, 4, 16), 0), null);
  assert.equal(elementsAt(layout, new DataView(buffer, 0, 24), 16), null);
  const array = elementsAt(layout, new DataView(buffer, 8, 24), 8);
  assert.deepEqual([array.byteOffset, array.length], [16, 2]);
  assert.equal(elementsAt(undefined, new DataView(buffer), 0), null);
});
