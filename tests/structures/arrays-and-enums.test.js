// Zig arrays and enums as JS objects.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/arrays-and-enums';

for (const mode of MODES) {
  describe(`${mode}: arrays`, () => {
    test('array elements are indexed, iterated and counted', async () => {
      const { default: mod } = await importFixture(FIXTURE, { mode });
      assert.equal(mod.scores.length, 4);
      assert.equal(mod.scores[2], 30);
      assert.deepEqual([...mod.scores], [10, 20, 30, 40]);
    });

    test('writes to a pub var array reach Zig', async () => {
      const { default: mod, total } = await importFixture(FIXTURE, { mode });
      mod.scores[0] = 1;
      assert.equal(total(), 91);
      mod.scores = [1, 1, 1, 1];
      assert.equal(total(), 4);
    });

    test('indexes outside the array throw RangeError', async () => {
      const { default: mod } = await importFixture(FIXTURE, { mode });
      assert.throws(() => mod.scores[4], { name: 'RangeError', message: /out of bounds/ });
      assert.throws(() => { mod.scores[9] = 1; }, { name: 'RangeError' });
      assert.throws(() => mod.scores['99999999999999999999'], { name: 'RangeError', message: /out of bounds/ });
    });

    test('keys that are not canonical indexes are plain properties', async () => {
      const { default: mod } = await importFixture(FIXTURE, { mode });
      const scores = mod.scores;
      for (const key of ['01', '1.0', '1.5', '-1', '1e1', ' 1', '0x1']) assert.equal(scores[key], undefined, key);
      assert.equal('01' in scores, false);
      assert.equal('3' in scores, true);
      assert.equal('4' in scores, false);
      assert.equal(scores['3'], scores.get(3));
    });

    test('numeric arrays have a typedArray view and u8 arrays a string', async () => {
      const { default: mod } = await importFixture(FIXTURE, { mode });
      const view = mod.scores.typedArray;
      assert.ok(view instanceof Int32Array);
      view[3] = 99;
      assert.equal(mod.scores[3], 99);
      assert.equal(mod.name.string, 'zebra');
    });

    test('arrays pass by value and come back as new arrays', async () => {
      const { reversed } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([...reversed([1, 2, 3])], [3, 2, 1]);
      assert.throws(() => reversed([1, 2]), { name: 'RangeError', message: /needs 3 elements/ });
    });
  });

  describe(`${mode}: enums`, () => {
    test('members are instances, found by name or by value', async () => {
      const { Pet } = await importFixture(FIXTURE, { mode });
      assert.ok(Pet.cat instanceof Pet);
      assert.equal(Pet('cat'), Pet.cat);
      assert.equal(Pet(2), Pet.cat);
      assert.equal(Pet('horse'), undefined);
    });

    test('valueOf and String give the name, Number the value', async () => {
      const { Pet } = await importFixture(FIXTURE, { mode });
      assert.equal(Pet.parrot.valueOf(), 'parrot');
      assert.equal(String(Pet.parrot), 'parrot');
      assert.equal(Number(Pet.parrot), 400);
      assert.equal(JSON.stringify({ pet: Pet.dog }), '{"pet":"dog"}');
    });

    test('functions take members, names and values and return members', async () => {
      const { Pet, petNumber, nextPet } = await importFixture(FIXTURE, { mode });
      assert.equal(petNumber(Pet.parrot), 400);
      assert.equal(petNumber('dog'), 1);
      assert.equal(petNumber(2), 2);
      assert.equal(nextPet(Pet.cat), Pet.parrot);
      assert.throws(() => petNumber('horse'), { name: 'RangeError', message: /^petNumber\(args\[0\]\)/ });
      assert.throws(() => petNumber(3), { name: 'RangeError' });
    });

    test('non-exhaustive enums accept unnamed values', async () => {
      const { Code, code } = await importFixture(FIXTURE, { mode });
      assert.equal(code(0), Code.ok);
      const unnamed = code(7);
      assert.ok(unnamed instanceof Code);
      assert.equal(Number(unnamed), 7);
    });

    test('an array of enums holds members', async () => {
      const { default: mod, Pet } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([...mod.pets], [Pet.cat, Pet.dog]);
      mod.pets[0] = 'parrot';
      assert.equal(mod.pets[0], Pet.parrot);
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: vectors and sentinel-terminated arrays`, () => {
    const FIXTURE_VS = 'structures/vectors-and-sentinels';

    test('vectors are arrays to JS, in and out', async () => {
      const { scale, dot, Vec3 } = await importFixture(FIXTURE_VS, { mode });
      assert.deepEqual([...scale([1, 2, 3], 2)], [2, 4, 6]);
      assert.equal(dot([1, 2, 3, 4], [1, 1, 1, 1]), 10);
      assert.equal(new Vec3([1, 2, 3]).length, 3);
    });

    test('a sentinel-terminated array keeps its sentinel when assigned', async () => {
      const { default: mod, labelLength, nameLength } = await importFixture(FIXTURE_VS, { mode });
      assert.equal(mod.label.length, 5);
      assert.equal(mod.label.string, 'hello');
      mod.label = 'abcde';
      assert.equal(labelLength(), 5);
      assert.equal(nameLength('abcd'), 4);
    });
  });
}
