// Error unions: a Zig error returned from a call is thrown as an Error whose
// message is the error name spaced out; otherwise the payload is returned.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, thrownBy } from '../helpers/fixtures.js';

const FIXTURE = 'types/error-unions';

for (const mode of MODES) {
  describe(`${mode}: error unions`, () => {
    test('error.SystemIsOnFire is thrown with the message "System is on fire"', async () => {
      const { ignite } = await importFixture(FIXTURE, { mode });
      const err = thrownBy(() => ignite(true));
      assert.equal(err.message, 'System is on fire');
      assert.equal(err.name, 'ZigError');
    });

    test('a thrown Zig error is an instance of Error', async () => {
      const { ignite } = await importFixture(FIXTURE, { mode });
      assert.ok(thrownBy(() => ignite(true)) instanceof Error);
    });

    test('a snake_case error name becomes a sentence', async () => {
      const { enter } = await importFixture(FIXTURE, { mode });
      assert.equal(thrownBy(() => enter(false)).message, 'Access denied');
    });

    test('an acronym in an error name keeps its capitals', async () => {
      const { fetch } = await importFixture(FIXTURE, { mode });
      assert.equal(thrownBy(() => fetch(404)).message, 'HTTP failure');
    });

    test('an error name of only underscores is thrown with the name as its message', async () => {
      const { underscores } = await importFixture(FIXTURE, { mode });
      const err = thrownBy(() => underscores());
      assert.equal(err.name, 'ZigError');
      assert.equal(err.message, '__');
    });

    test('without an error the payload is returned', async () => {
      const { ignite, enter, fetch, pick } = await importFixture(FIXTURE, { mode });
      assert.equal(ignite(false), 42);
      assert.equal(enter(true), 2n ** 63n);
      assert.equal(fetch(200), 0.5);
      assert.equal(pick(3), -(2n ** 100n));
    });

    test('!void returns undefined or throws', async () => {
      const { brew } = await importFixture(FIXTURE, { mode });
      assert.equal(brew(2), undefined);
      assert.equal(thrownBy(() => brew(0)).message, 'Out of coffee');
    });

    test('E!?i32 throws the error, returns null, or returns the value', async () => {
      const { lookup } = await importFixture(FIXTURE, { mode });
      assert.equal(thrownBy(() => lookup(-1)).message, 'Access denied');
      assert.equal(lookup(0), null);
      assert.equal(lookup(21), 42);
    });

    test('one function can throw each error of its set', async () => {
      const { pick } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([0, 1, 2].map((i) => thrownBy(() => pick(i)).message),
        ['System is on fire', 'Access denied', 'HTTP failure']);
    });

    test('the same error thrown twice is the same object', async () => {
      const { ignite, pick } = await importFixture(FIXTURE, { mode });
      const first = thrownBy(() => ignite(true));
      assert.equal(thrownBy(() => ignite(true)), first);
      assert.equal(thrownBy(() => pick(0)), first);
      assert.notEqual(thrownBy(() => pick(1)), first);
    });

    test('arguments are checked before an error-returning function runs', async () => {
      const { ignite, lookup } = await importFixture(FIXTURE, { mode });
      assert.throws(() => ignite(1), { name: 'TypeError', message: /^ignite\(args\[0\]\): / });
      assert.throws(() => lookup(2 ** 31), { name: 'RangeError', message: /^lookup\(args\[0\]\): / });
    });
  });
}
