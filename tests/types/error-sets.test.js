// Error sets as objects: their members are the very errors functions throw.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, thrownBy } from '../helpers/fixtures.js';

const FIXTURE = 'types/error-sets';


for (const mode of MODES) {
  describe(`${mode}: error sets`, () => {
    test('a thrown error is the member of its set', async () => {
      const { FileOpenError, fail } = await importFixture(FIXTURE, { mode });
      const err = thrownBy(() => fail(1));
      assert.equal(err, FileOpenError.access_denied);
      assert.equal(err.message, 'Access denied');
      assert.ok(err instanceof Error);
    });

    test('errors with the same name are one object in every set', async () => {
      const { FileOpenError, AllocationError, fail } = await importFixture(FIXTURE, { mode });
      assert.equal(FileOpenError.out_of_memory, AllocationError.out_of_memory);
      assert.equal(thrownBy(() => fail(2)), AllocationError.out_of_memory);
    });

    test('instanceof and in tell whether a set contains an error', async () => {
      const { FileOpenError, AllocationError } = await importFixture(FIXTURE, { mode });
      assert.ok(FileOpenError.access_denied instanceof FileOpenError);
      assert.ok(!(FileOpenError.access_denied instanceof AllocationError));
      assert.ok(FileOpenError.out_of_memory in AllocationError);
      assert.ok(!(FileOpenError.file_not_found in AllocationError));
    });

    test('a set looks errors up by name, message, code and JSON form', async () => {
      const { FileOpenError } = await importFixture(FIXTURE, { mode });
      const err = FileOpenError.file_not_found;
      assert.equal(FileOpenError('file_not_found'), err);
      assert.equal(FileOpenError('File not found'), err);
      assert.equal(FileOpenError(Number(err)), err);
      assert.equal(FileOpenError(JSON.parse(JSON.stringify(err))), err);
      assert.equal(FileOpenError('no_such_error'), undefined);
      assert.ok(Number(err) > 0);
    });
  });
}
