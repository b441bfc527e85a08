// The regions of wasm memory that ties leave when their buffers are
// collected: given back merged with their free neighbours, so that buffers
// of varying sizes, tied and collected round after round, keep fitting in
// the memory the first round grew, instead of cutting it into pieces and
// growing it on every round. Ties exist only in WebAssembly mode.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TieRegions } from '../../js/internal/wasm/tie-regions.js';
import { MODES, fixtureUrl, modeOptions, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'memory/tied-buffers';
const ADDON_URL = new URL('../../js/internal/runtime/addon.js', import.meta.url).href;

describe('tie regions', () => {
  test('a region given back merges with the free regions on both sides', () => {
    const regions = new TieRegions();
    regions.give(0, 4096);
    regions.give(8192, 4096);
    assert.equal(regions.take(8192), -1, 'two pieces are not one region');
    regions.give(4096, 4096);
    assert.deepEqual(regions.free, [{ address: 0, length: 12288 }]);
    assert.equal(regions.take(12288), 0);
  });

  test('the smallest free region that fits is taken, and the rest stays free', () => {
    const regions = new TieRegions();
    regions.give(0, 16384);
    regions.give(65536, 8192);
    assert.equal(regions.take(4096), 65536);
    assert.deepEqual(regions.free, [{ address: 0, length: 16384 }, { address: 69632, length: 4096 }]);
  });

  test('the free region at the end of memory is found to be extended', () => {
    const regions = new TieRegions();
    regions.give(0, 4096);
    regions.give(61440, 4096);
    const tail = regions.endingAt(65536);
    assert.deepEqual(tail, { address: 61440, length: 4096 });
    regions.remove(tail);
    assert.equal(regions.endingAt(65536), null);
    assert.equal(regions.bytes, 4096);
  });
});

for (const mode of MODES.filter((m) => m === 'wasm')) {
  describe(`${mode}: tie regions over many rounds`, () => {
    test('buffers of varying sizes tied and collected round after round reuse the first round\'s memory', () => {
      const { status, stdout, stderr } = runNode(['--expose-gc', '--input-type=module', '-e', ROUNDS_APP], {
        env: { FIXTURE_URL: fixtureUrl(FIXTURE, modeOptions(mode)).href, ADDON_URL },
      });
      assert.equal(status, 0, stderr);
      const { ends, live } = JSON.parse(stdout);
      assert.equal(live, 0, 'every tie was undone');
      assert.ok(ends[0] > 0, 'buffers were tied');
      assert.deepEqual(ends, ends.map(() => ends[0]), `the highest tied byte after each round: ${ends}`);
    });
  });
}

// Sixteen rounds of twelve buffers of 4 KiB to 200 KiB, in a different order
// each round, all collected between rounds; prints the highest tied address
// (plus length) seen by the end of each round.
const ROUNDS_APP = `
  import { tieableBuffer } from 'zigport';
  const { addon } = await import(process.env.ADDON_URL);
  const { touch, addressOf } = await import(process.env.FIXTURE_URL);
  const KiB = 1024;
  const sizes = [4, 100, 12, 64, 200, 8, 36, 128, 20, 4, 72, 16].map((k) => k * KiB);
  // In a function of its own: a suspended async module would keep its last
  // buffer in a register across the awaits below.
  const tieRound = (round, end) => {
    for (let i = 0; i < sizes.length; i++) {
      const bytes = new Uint8Array(tieableBuffer(sizes[(i + round * 5) % sizes.length]));
      touch(bytes);
      end = Math.max(end, addressOf(bytes) + bytes.length);
    }
    return end;
  };
  const ends = [];
  let end = 0;
  for (let round = 0; round < 16; round++) {
    end = tieRound(round, end);
    for (let i = 0; i < 20 && addon.liveTies() > 0; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (addon.liveTies() > 0) throw new Error('tied buffers were not collected');
    ends.push(end);
  }
  console.log(JSON.stringify({ ends, live: addon.liveTies() }));
`;
