// Error sets as values: an error crosses the boundary as its error object,
// taken from the object itself, its name, message, number or JSON form; and
// an error union in memory can be set to an error.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, thrownBy } from '../helpers/fixtures.js';

const FIXTURE = 'types/error-set-values';

for (const mode of MODES) {
  describe(`${mode}: error sets as values`, () => {
    test('a parameter takes the error, its name, message, number or JSON form', async () => {
      const { FileError, isAccessDenied } = await importFixture(FIXTURE, { mode });
      const denied = FileError.AccessDenied;
      for (const given of [denied, 'AccessDenied', 'Access denied', Number(denied), { error: 'AccessDenied' }]) {
        assert.equal(isAccessDenied(given), true, `given ${String(given)}`);
      }
      assert.equal(isAccessDenied(FileError.OutOfSpace), false);
      assert.equal(isAccessDenied(new Error('File not found')), false, 'an Error with a member\'s message');
    });

    test('an error outside the set is refused with the set and argument named', async () => {
      const { NetError, isAccessDenied } = await importFixture(FIXTURE, { mode });
      // Zig names an error set by its members.
      const set = 'error{AccessDenied,FileNotFound,OutOfSpace}';
      assert.throws(() => isAccessDenied(NetError.Timeout), {
        name: 'TypeError', message: `isAccessDenied(args[0]): error "Timeout" is not an error of ${set}`,
      });
      assert.throws(() => isAccessDenied('Timeout'), { name: 'TypeError', message: `isAccessDenied(args[0]): "Timeout" is not an error of ${set}` });
      assert.throws(() => isAccessDenied(999), { name: 'TypeError', message: `isAccessDenied(args[0]): 999 is not an error of ${set}` });
      assert.throws(() => isAccessDenied(true), { name: 'TypeError', message: /expects an error, its name or its number, received true/ });
      assert.throws(() => isAccessDenied({}), { name: 'TypeError', message: /args\[0\]/ });
    });

    test('a result is the error object, returned rather than thrown', async () => {
      const { FileError, worst, maybeError } = await importFixture(FIXTURE, { mode });
      assert.equal(worst(), FileError.OutOfSpace);
      assert.equal(maybeError(true), FileError.FileNotFound);
      assert.equal(maybeError(false), null);
    });

    test('anyerror takes and gives any error of the module, shared across sets', async () => {
      const { FileError, NetError, nameOf, widen } = await importFixture(FIXTURE, { mode });
      assert.equal(FileError.AccessDenied, NetError.AccessDenied);
      assert.equal(nameOf(NetError.Timeout).string, 'Timeout');
      assert.equal(nameOf('OutOfSpace').string, 'OutOfSpace');
      assert.equal(widen('Timeout'), NetError.Timeout);
      assert.throws(() => nameOf('NoSuchError'), { name: 'TypeError', message: /"NoSuchError" is not an error of anyerror/ });
    });

    test('variables of error sets read and write in place', async () => {
      const { default: zig, FileError, NetError, isAccessDenied, nameOf } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.last, FileError.FileNotFound);
      zig.last = 'AccessDenied';
      assert.equal(zig.last, FileError.AccessDenied);
      assert.equal(isAccessDenied(zig.last), true);
      assert.throws(() => { zig.last = NetError.Timeout; }, { name: 'TypeError', message: /^last: error "Timeout" is not an error of error\{/ });
      assert.equal(zig.last, FileError.AccessDenied, 'a refused write leaves the value');
      assert.equal(zig.any, NetError.Timeout);
      zig.any = FileError.OutOfSpace;
      assert.equal(nameOf(zig.any).string, 'OutOfSpace');
    });

    test('array elements and optional variables hold errors', async () => {
      const { default: zig, FileError } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([...zig.recent], [FileError.AccessDenied, FileError.FileNotFound, FileError.OutOfSpace]);
      zig.recent[0] = 'OutOfSpace';
      assert.equal(zig.recent[0], FileError.OutOfSpace);
      assert.equal(zig.pending, null);
      zig.pending = 'FileNotFound';
      assert.equal(zig.pending, FileError.FileNotFound);
      zig.pending = null;
      assert.equal(zig.pending, null);
    });

    test('struct fields hold errors; valueOf keeps the error objects', async () => {
      const { Report, FileError, failureOf } = await importFixture(FIXTURE, { mode });
      const report = new Report({ code: 7, failure: 'AccessDenied' });
      assert.equal(report.failure, FileError.AccessDenied);
      assert.equal(report.previous, null);
      assert.equal(failureOf(report), FileError.AccessDenied);
      assert.equal(failureOf({ code: 1, failure: FileError.OutOfSpace }), FileError.OutOfSpace);
      assert.deepEqual(report.valueOf(), { code: 7, failure: FileError.AccessDenied, previous: null });
    });

    test('an error code JS wrote that no set names reads as an unknown error', async () => {
      const { default: zig, FileError } = await importFixture(FIXTURE, { mode });
      zig.recent[2] = FileError.OutOfSpace;
      zig.recent.dataView.setUint16(4, 0xfff0, true);
      const read = zig.recent[2];
      assert.ok(read instanceof Error);
      assert.equal(read.message, 'Unknown error: 65520');
      zig.recent[2] = FileError.OutOfSpace;
    });

    test('an error union variable set to an error throws it when read', async () => {
      const { default: zig, FileError, describeOutcome } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.outcome, 5);
      zig.outcome = FileError.OutOfSpace;
      assert.equal(thrownBy(() => zig.outcome), FileError.OutOfSpace);
      assert.equal(describeOutcome().string, 'OutOfSpace', 'Zig sees the error');
      zig.outcome = { error: 'FileNotFound' };
      assert.equal(describeOutcome().string, 'FileNotFound');
      zig.outcome = 9;
      assert.equal(zig.outcome, 9);
      assert.equal(describeOutcome().string, 'value');
      assert.throws(() => { zig.outcome = new Error('Broken pipe'); }, { name: 'TypeError', message: /^outcome: error "Broken pipe" is not an error of error\{/ });
    });

    test('an error union field holds an error that Zig sees', async () => {
      const { Attempt, FileError, attemptFailed } = await importFixture(FIXTURE, { mode });
      const attempt = new Attempt({ tries: 1 });
      assert.equal(attemptFailed(attempt), false);
      attempt.result = FileError.AccessDenied;
      assert.equal(attemptFailed(attempt), true);
      assert.equal(thrownBy(() => attempt.result), FileError.AccessDenied);
      attempt.result = 3;
      assert.equal(attempt.result, 3);
    });
  });
}
