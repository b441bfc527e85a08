// Where the targets of a WebAssembly call are while Zig runs: each is
// reached in wasm memory where it already is (the module's own memory, a
// tied buffer) when aligned there, or in an aligned scratch block the
// planner lays out, copied in before the call and back after. The planner
// is marshal/'s, in its JS form (the tests hold the two to the same output).
import { planCopies } from '../marshal/plan/index.js';
import { GUARD_LEN, OVERRUN, guardIntact, writeGuard } from './scratch-guard.js';

const TARGET_FIELDS = 6;
const CLUSTER_FIELDS = 5;
/** Scratch blocks are aligned so that every residue the plan needs holds. */
export const SCRATCH_ALIGN = 4096;

/**
 * Where each target is during the call: asks the planner (unless every
 * target already is where wasm code sees it, aligned), allocates the
 * scratch block and copies the clusters in. `{ scratch, scratchSize,
 * clusters, addresses }`; a cluster's `address` is in wasm memory, in the
 * scratch block (`copied`) or where its buffer already is.
 */
export function placeTargets({ instance, ties, slots }, targets) {
  const { list, buffers } = targets;
  const reach = buffers.map((buffer) => reachable(instance, ties, buffer));
  const addresses = new Array(list.length).fill(0);
  const planned = [];
  list.forEach((t, k) => {
    if (t.alias >= 0) return;
    // `*anyopaque` also takes memory, which is placed as any target is.
    if (t.place.handle && !(buffers[t.buffer] instanceof ArrayBuffer)) {
      addresses[k] = handleAddress(instance, buffers[t.buffer]);
      return;
    }
    planned.push(k);
  });
  const inPlace = planned.every((k) => {
    const t = list[k];
    return reach[t.buffer] >= 0 && (reach[t.buffer] + t.offset) % t.place.elem_align === 0;
  });
  if (inPlace) {
    for (const k of planned) addresses[k] = reach[list[k].buffer] + list[k].offset;
    return finish({ scratch: 0, scratchSize: 0, clusters: [], addresses });
  }
  const numbers = planInput.ensure(planned.length * TARGET_FIELDS);
  planned.forEach((k, i) => {
    const t = list[k];
    const at = i * TARGET_FIELDS;
    numbers[at] = t.buffer;
    numbers[at + 1] = t.offset;
    numbers[at + 2] = t.len;
    numbers[at + 3] = t.place.elem_align;
    numbers[at + 4] = t.place.writable ? 1 : 0;
    numbers[at + 5] = reach[t.buffer];
  });
  const plan = planOutput.ensure(2 + planned.length * (CLUSTER_FIELDS + 2));
  planCopies(numbers.subarray(0, planned.length * TARGET_FIELDS), plan);
  const scratchSize = plan[0];
  // The block is followed by a guard (scratch-guard.js), checked in copyBack.
  const scratch = scratchSize > 0 ? instance.alloc(scratchSize + GUARD_LEN, SCRATCH_ALIGN, largestArgument(list, slots), scratchSize) : 0;
  if (scratch !== 0) writeGuard(instance.memory, scratch + scratchSize);
  const clusters = [];
  let at = 2;
  for (let c = 0; c < plan[1]; c++, at += CLUSTER_FIELDS) {
    const buffer = plan[at];
    const start = plan[at + 1];
    const len = plan[at + 2];
    const copied = plan[at + 3] >= 0;
    const address = copied ? scratch + plan[at + 3] : reach[buffer] + start;
    if (copied) instance.memory.bytes(address, len).set(new Uint8Array(buffers[buffer], start, len));
    clusters.push({ buffer, start, len, address, copied, copyBack: plan[at + 4] === 1 });
  }
  planned.forEach((k, i) => {
    addresses[k] = plan[at + i * 2 + 1] + (plan[at + i * 2] === 1 ? scratch : 0);
  });
  return finish({ scratch, scratchSize, clusters, addresses });

  function finish(placed) {
    list.forEach((t, k) => { if (t.alias >= 0) placed.addresses[k] = placed.addresses[t.alias]; });
    return placed;
  }
}

/** "args[i]" for the argument whose pointers lead to the largest target: what a failed scratch block is for. */
function largestArgument(list, slots) {
  let largest = list[0];
  for (const t of list) if (t.len > largest.len) largest = t;
  while (largest.parent >= 0) largest = list[largest.parent];
  return `args[${slots[largest.slot].param}]`;
}

/** A Float64Array reused from call to call (the planner's input and output), grown when a call needs more. */
function reusable() {
  let array = new Float64Array(64);
  return {
    ensure(length) {
      if (array.length < length) array = new Float64Array(Math.max(length, array.length * 2));
      return array;
    },
  };
}

const planInput = reusable();
const planOutput = reusable();

/** Where wasm code sees `buffer`'s first byte: its own memory at 0, a tied buffer where tied, else -1. */
function reachable(instance, ties, buffer) {
  if (buffer === instance.memory.buffer) return 0;
  return buffer instanceof ArrayBuffer ? ties.addressOf(buffer) : -1;
}

/** The wasm address a handle stands for; only this instance's handles are accepted. */
function handleAddress(instance, token) {
  if (token?.instance !== instance) {
    throw new TypeError('a handle from another module (or from native mode) cannot be passed to this one');
  }
  return token.address;
}

/** Copies the writable clusters that were copied in back to their buffers. */
export function copyBack(memory, targets, placed) {
  memory.sync();
  if (placed.scratch !== 0 && !guardIntact(memory, placed.scratch + placed.scratchSize)) throw new Error(OVERRUN);
  for (const c of placed.clusters) {
    if (c.copied && c.copyBack) {
      copyInto(targets.buffers[c.buffer], c.start, memory.bytes(c.address, c.len));
    }
  }
}


/**
 * Copies `bytes` to `buffer` at `offset`, as far as the buffer still reaches:
 * JS code run during the call (a callback) may have shrunk or detached it,
 * and Zig's writes to what JS cut off have nowhere to go.
 */
export function copyInto(buffer, offset, bytes) {
  const reach = Math.min(bytes.length, buffer.byteLength - offset);
  if (reach > 0) new Uint8Array(buffer, offset, reach).set(reach === bytes.length ? bytes : bytes.subarray(0, reach));
}
