// Slow, obviously correct models of the call planner's decisions (the twin
// of `marshal/src/plan/brute_force.rs`), and the properties every plan
// `planCopies` writes must have, checked against those models. Nothing here
// is clever on purpose. Meant for shapes whose numbers stay below 2^53.

const TARGET_FIELDS = 6;
const CLUSTER_FIELDS = 5;
const MAX_ALIGN = 4096;

/** The records as target objects, each with the address of its buffer (the last record naming it decides). */
export function readShape(records) {
  const targets = [];
  for (let at = 0; at < records.length; at += TARGET_FIELDS) {
    const [buffer, offset, len, align, writable, address] = records.subarray(at, at + TARGET_FIELDS);
    targets.push({ buffer: buffer >>> 0, offset, len, end: offset + len, align, writable: writable !== 0, address });
  }
  for (const target of targets) {
    const last = targets.findLast((other) => other.buffer === target.buffer);
    target.reach = last.address < 0 ? -1 : last.address;
  }
  return targets;
}

/** Whether two targets share at least one byte. */
export function overlap(a, b) {
  return a.buffer === b.buffer && Math.max(a.offset, b.offset) < Math.min(a.end, b.end);
}

/** For each target, the smallest index it is connected to by a chain of overlaps; null for empty targets. */
export function overlapComponents(targets) {
  const label = targets.map(() => null);
  targets.forEach((first, start) => {
    if (label[start] !== null || first.len === 0) return;
    const stack = [start];
    label[start] = start;
    while (stack.length > 0) {
      const i = stack.pop();
      targets.forEach((other, j) => {
        if (label[j] === null && overlap(targets[i], other)) {
          label[j] = start;
          stack.push(j);
        }
      });
    }
  });
  return label;
}

/** Whether every member is aligned when the span starting at `start` is placed at `address`. */
export function allMembersAligned(members, start, address) {
  return members.every((m) => (address + (m.offset - start)) % m.align === 0);
}

/** Every address below the largest alignment (all alignments divide it) at which all members are aligned. */
export function admittedAddresses(members, start) {
  const period = Math.max(...members.map((m) => m.align));
  return Array.from({ length: period }, (_, a) => a).filter((a) => allMembersAligned(members, start, a));
}

/** The plan `planCopies` wrote, as objects. */
export function decodePlan(out, targetCount) {
  const clusters = [];
  let at = 2;
  for (let c = 0; c < out[1]; c++, at += CLUSTER_FIELDS) {
    const [buffer, start, len, placed, copyBack] = out.subarray(at, at + CLUSTER_FIELDS);
    clusters.push({ buffer, start, len, placed, copyBack });
  }
  const locations = [];
  for (let i = 0; i < targetCount; i++, at += 2) locations.push({ inScratch: out[at], address: out[at + 1] });
  return { size: out[0], clusters, locations };
}

/**
 * The problems with a planner's outcome for `records` (`{ numbers }` or
 * `{ error }`), as messages; empty when it has every property.
 */
export function planProblems(records, outcome) {
  const targets = readShape(records);
  const problems = [];
  const expect = (ok, message) => { if (!ok) problems.push(message); };
  const badAlign = targets.findIndex((t) => !(t.align >= 1 && t.align <= MAX_ALIGN && Number.isInteger(Math.log2(t.align))));
  const components = componentsOf(targets);
  const conflicting = components.filter((c) => admittedAddresses(c.members, c.start).length === 0);
  if (outcome.error) {
    const conflict = /^Unable to simultaneously align memory to (\d+)-byte and (\d+)-byte boundary$/.exec(outcome.error.message);
    if (badAlign >= 0) {
      expect(outcome.error.message.includes(`pointer target #${badAlign}: alignment`), `wrong refusal: ${outcome.error.message}`);
    } else if (conflict) {
      const [larger, smaller] = [Number(conflict[1]), Number(conflict[2])];
      const named = conflicting.some((c) => Math.max(...c.members.map((m) => m.align)) === larger
        && c.members.some((m) => m.align === smaller));
      expect(named, `conflict ${larger}/${smaller} names no cluster that cannot be aligned`);
    } else {
      problems.push(`unexpected error: ${outcome.error.message}`);
    }
    return problems;
  }
  expect(badAlign < 0, `target #${badAlign} has a bad alignment but was planned`);
  expect(conflicting.length === 0, 'planned although a cluster cannot be aligned');
  const plan = decodePlan(new Float64Array(outcome.numbers), targets.length);
  checkClusters(targets, components, plan, expect);
  checkTargets(targets, plan, expect);
  checkScratch(targets, plan, expect);
  return problems;
}

/** The overlap components as clusters would be: buffer, span, members (sorted by buffer then start). */
function componentsOf(targets) {
  const label = overlapComponents(targets);
  const groups = new Map();
  label.forEach((l, i) => { if (l !== null) groups.set(l, [...(groups.get(l) ?? []), targets[i]]); });
  return [...groups.values()].map((members) => ({
    buffer: members[0].buffer,
    start: Math.min(...members.map((m) => m.offset)),
    end: Math.max(...members.map((m) => m.end)),
    members,
  })).sort((a, b) => a.buffer - b.buffer || a.start - b.start);
}

/** Clusters are the overlap components, in order; in place exactly where in reach and aligned there. */
function checkClusters(targets, components, plan, expect) {
  expect(plan.clusters.length === components.length, `${plan.clusters.length} clusters for ${components.length} components`);
  components.forEach((component, c) => {
    const cluster = plan.clusters[c];
    if (!cluster) return;
    const where = `cluster #${c}`;
    expect(cluster.buffer === component.buffer && cluster.start === component.start
      && cluster.len === component.end - component.start, `${where} does not span its members`);
    const base = component.members[0].reach;
    const aligned = base >= 0 && allMembersAligned(component.members, component.start, base + component.start);
    expect((cluster.placed === -1) === aligned, `${where} in place: ${cluster.placed === -1}, should be ${aligned}`);
    const writable = component.members.some((m) => m.writable);
    expect(cluster.copyBack === (cluster.placed >= 0 && writable ? 1 : 0), `${where} copy back is ${cluster.copyBack}`);
    for (const m of component.members) {
      const i = targets.indexOf(m);
      const location = plan.locations[i];
      const clusterAddress = cluster.placed >= 0 ? cluster.placed : base + cluster.start;
      expect(location.inScratch === (cluster.placed >= 0 ? 1 : 0), `target #${i} in scratch: ${location.inScratch}`);
      expect(location.address === clusterAddress + (m.offset - cluster.start), `target #${i} is not at its offset in cluster #${c}`);
    }
  });
}

/** Every target's address is aligned; an empty one is where it is when that is non-null and aligned, else its alignment. */
function checkTargets(targets, plan, expect) {
  targets.forEach((t, i) => {
    const { inScratch, address } = plan.locations[i];
    // Scratch addresses are relative to a block aligned to MAX_ALIGN.
    expect(address % t.align === 0, `target #${i} at ${address} is not ${t.align}-aligned`);
    if (t.len > 0) return;
    const real = t.reach >= 0 ? t.reach + t.offset : 0;
    const expected = real !== 0 && real % t.align === 0 ? real : t.align;
    expect(inScratch === 0 && address === expected, `empty target #${i} at ${address}, expected ${expected}`);
  });
}

/** Copied clusters are aligned for all members, do not overlap, and fit in the scratch size. */
function checkScratch(targets, plan, expect) {
  const regions = [];
  plan.clusters.forEach((cluster, c) => {
    if (cluster.placed < 0) return;
    const members = targets.filter((t) => t.len > 0 && t.buffer === cluster.buffer
      && t.offset >= cluster.start && t.end <= cluster.start + cluster.len);
    expect(allMembersAligned(members, cluster.start, cluster.placed), `copy of cluster #${c} misaligns a member`);
    expect(cluster.placed + cluster.len <= plan.size, `copy of cluster #${c} passes the scratch size`);
    regions.push([cluster.placed, cluster.placed + cluster.len]);
  });
  regions.forEach(([a0, a1], k) => {
    for (const [b0, b1] of regions.slice(k + 1)) expect(a1 <= b0 || b1 <= a0, `copies [${a0}, ${a1}) and [${b0}, ${b1}) overlap`);
  });
}
