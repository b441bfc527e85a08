// The JavaScript call planner (js/internal/marshal/plan/) against the Rust
// one the addon exports: on a generated corpus of call shapes and on
// hand-picked ones, both must write the same numbers or throw the same
// error, and the JavaScript plans must have every property the
// brute-force model demands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addon } from '../../js/internal/runtime/addon.js';
import { planCopies } from '../../js/internal/marshal/plan/index.js';
import { callShapes, EDGE_CASES, MALFORMED } from '../helpers/call-shapes.js';
import { planProblems } from '../helpers/plan-model.js';

const SHAPES = 20_000;

/** What a planner does with `records`: the numbers it writes, or the error it throws. */
function outcome(plan, records) {
  // Room for the largest plan (2 + 7 per target), plus a sentinel tail that must stay untouched.
  const out = new Float64Array(2 + 7 * (records.length / 6) + 4).fill(-7);
  try {
    const written = plan(records, out);
    assert.ok(out.subarray(written).every((n) => n === -7), 'wrote past the count it returned');
    return { numbers: Array.from(out.subarray(0, written)) };
  } catch (error) {
    return { error: { class: error.constructor.name, message: error.message } };
  }
}

/** Runs both planners on every shape; returns the first few disagreements. */
function disagreements(shapes) {
  const found = [];
  for (const { name, seed, records } of shapes) {
    const rust = outcome(addon.planCopies, records);
    const js = outcome(planCopies, records);
    try {
      assert.deepStrictEqual(js, rust);
    } catch {
      found.push({ shape: name ?? seed, records: Array.from(records).slice(0, 48), js, rust });
      if (found.length === 5) break;
    }
  }
  return found;
}

test('the JS planner writes what the Rust planner writes on generated call shapes', () => {
  assert.deepStrictEqual(disagreements(callShapes(SHAPES, 1)), []);
});

test('the JS planner writes what the Rust planner writes on hand-picked shapes', () => {
  assert.deepStrictEqual(disagreements(EDGE_CASES), []);
});

test('malformed records are refused the same way by both planners', () => {
  for (const { name, records } of MALFORMED) {
    const rust = outcome(addon.planCopies, records);
    assert.ok(rust.error, `${name}: the addon accepted it`);
    assert.deepStrictEqual(outcome(planCopies, records), rust, name);
  }
});

test('an output array too small is refused the same way by both planners', () => {
  const records = EDGE_CASES.find((c) => c.name === 'overlapping i32 and i16 out of reach').records;
  for (const length of [0, 3, 10]) {
    const refusals = [addon.planCopies, planCopies].map((plan) => {
      try {
        return plan(records, new Float64Array(length));
      } catch (error) {
        return `${error.constructor.name}: ${error.message}`;
      }
    });
    assert.deepStrictEqual(refusals, ['Error: plan output array too small', 'Error: plan output array too small']);
  }
});

test('JS plans have every property of the brute-force model', () => {
  const problems = [];
  for (const { seed, records } of callShapes(SHAPES, 2)) {
    const found = planProblems(records, outcome(planCopies, records));
    if (found.length > 0) problems.push({ seed, found });
    if (problems.length === 5) break;
  }
  assert.deepStrictEqual(problems, []);
});

test('the generated corpus reaches every kind of plan', () => {
  const seen = { conflict: 0, badAlignment: 0, inPlace: 0, copied: 0, copyBack: 0, shared: 0, empty: 0, mixed: 0 };
  for (const { records } of callShapes(SHAPES, 1)) {
    const result = outcome(planCopies, records);
    if (result.error) {
      if (result.error.message.startsWith('Unable')) seen.conflict++;
      else seen.badAlignment++;
      continue;
    }
    const [, clusters] = result.numbers;
    const placed = [];
    for (let c = 0; c < clusters; c++) placed.push(result.numbers[2 + c * 5 + 3]);
    if (placed.some((p) => p === -1)) seen.inPlace++;
    if (placed.some((p) => p >= 0)) seen.copied++;
    if (placed.some((p, c) => p >= 0 && result.numbers[2 + c * 5 + 4] === 1)) seen.copyBack++;
    if (placed.some((p) => p === -1) && placed.some((p) => p >= 0)) seen.mixed++;
    if (clusters < records.length / 6) seen.shared++;
    if (Array.from({ length: records.length / 6 }, (_, i) => records[i * 6 + 2]).includes(0)) seen.empty++;
  }
  // The generator never sends a bad alignment; every other kind must be common.
  for (const kind of ['conflict', 'inPlace', 'copied', 'copyBack', 'shared', 'empty', 'mixed']) {
    assert.ok(seen[kind] >= SHAPES / 50, `only ${seen[kind]} shapes of kind ${kind}: ${JSON.stringify(seen)}`);
  }
});

test('a plan after a larger one is not affected by it', () => {
  const small = EDGE_CASES.find((c) => c.name === 'overlapping i32 and i16 out of reach').records;
  const before = outcome(planCopies, small);
  outcome(planCopies, EDGE_CASES.find((c) => c.name === 'many apart').records);
  assert.deepStrictEqual(outcome(planCopies, small), before);
});
