// The fuzzing loop and its oracle. Each case picks a target function and,
// for each parameter, a valid or a hostile value (seeded, so a case can be
// replayed from its seed alone), calls Zig, and checks the outcome: the
// model's result and writes for valid values; for hostile ones a
// TypeError/RangeError naming the argument (or the value's own FuzzError);
// and in every case the canaries around the buffers passed.
import { EITHER, FuzzError, OK, OWN, REFUSE, combine } from './arg.mjs';
import { caseSeed, random } from './random.mjs';
import { PANICS, targets } from './targets.mjs';

/** Share of parameters that get a hostile value. */
const HOSTILE_RATE = 0.4;

/**
 * Runs cases [first, first + count) of the run seeded `seed` against module
 * `mod`, imported in `mode`. `onCase(index)` is told each case before it runs (the parent's
 * crash report). Returns `{ cases, findings, refused, accepted }`; each
 * finding is `{ index, seed, target, args, problem }`.
 */
export async function runCases(mod, { mode, seed, first = 0, count, onCase = null, stopAfter = 20 }) {
  const stats = { cases: 0, refused: 0, accepted: 0, findings: [] };
  const ctx = fuzzContext(mod, mode);
  const reported = console.error;
  // Errors thrown by callbacks are reported on console.error (Zig gets zero): counted, not shown.
  let callbackReports = 0;
  console.error = () => { callbackReports += 1; };
  try {
    for (let index = first; index < first + count; index++) {
      onCase?.(index);
      const found = await runCase(ctx, seed, index);
      stats.cases += 1;
      if (found.outcome === 'threw') stats.refused += 1;
      else stats.accepted += 1;
      if (found.problem) {
        stats.findings.push({ index, seed: caseSeed(seed, index), target: found.target, args: found.args, problem: found.problem });
        if (stats.findings.length >= stopAfter) break;
      }
    }
  } finally {
    console.error = reported;
  }
  stats.callbackReports = callbackReports;
  return stats;
}

/** What generating cases needs: the module (for re-entrant calls, its classes) and its targets. */
export function fuzzContext(mod, mode) {
  // A fixture may export only some of the targets (hostile-values-direct.zig).
  return { mod, mode, targets: targets(mode).filter((target) => typeof mod[target.fn] === 'function') };
}

/** The target and arguments of case `index`, and their description. */
export function generateCase(ctx, seed, index) {
  const r = random(caseSeed(seed, index));
  const target = r.pick(ctx.targets);
  const args = target.generate
    ? target.generate(r, ctx)
    : target.params.map((kind) => (r.chance(HOSTILE_RATE) ? kind.hostile(r, ctx) : kind.valid(r, ctx)));
  return { target, args, described: args.map((a, i) => `args[${i}]: ${a.desc} (${a.expect})`) };
}

/** Generates and runs case `index`; `{ target, args, outcome, problem }`. */
export async function runCase(ctx, seed, index) {
  const { target, args, described } = generateCase(ctx, seed, index);
  let outcome = 'returned';
  let result;
  let error;
  try {
    result = ctx.mod[target.fn](...args.map((a) => a.value));
    if (target.async) result = await result;
  } catch (e) {
    outcome = 'threw';
    error = e;
  }
  const problem = judge(target, args, outcome, result, error)
    ?? args.map((a, i) => { const p = a.after?.(outcome); return p ? `args[${i}]: ${p}` : null; }).find((p) => p)
    ?? null;
  return { target: target.fn, args: described, outcome, problem };
}

/** What is wrong with the outcome, or null. */
function judge(target, args, outcome, result, error) {
  const worst = combine(args);
  if (outcome === 'threw') {
    if (error instanceof FuzzError) return worst === OK ? `a FuzzError escaped from valid values: ${error.message}` : null;
    if (worst === OK) {
      const expected = target.model(args.map((a) => a.canon));
      if (expected === PANICS && error instanceof Error && /overflow/.test(error.message)) return null;
      return `valid values were refused: ${describeError(error)}`;
    }
    if (!(error instanceof TypeError || error instanceof RangeError)) return `refused with ${describeError(error)}, not a TypeError or RangeError`;
    const named = args.some((a, i) => a.expect !== OK && error.message.includes(`args[${i}]`));
    if (!named) return `the refusal does not name the hostile argument: ${describeError(error)}`;
    return null;
  }
  if (worst === REFUSE || worst === OWN) return `a hostile value was accepted (returned ${show(result)})`;
  const expected = target.model(args.map((a) => a.canon));
  if (expected === PANICS) return `returned ${show(result)} where Zig must panic`;
  if (!target.same(result, expected)) return `returned ${show(result)}, the model says ${show(expected)}`;
  if (worst === EITHER) return null;
  return target.effects?.(args, args.map((a) => a.canon)) ?? null;
}

function describeError(error) {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : `a thrown ${show(error)}`;
}

/** A short printable form of any value. */
export function show(value) {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  try {
    return JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
