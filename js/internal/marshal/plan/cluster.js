// Step 1 of a call plan (the twin of `marshal/src/plan/cluster.rs`):
// targets of one buffer that share at least one byte merge into a cluster,
// which is then passed in place or copied as one block. Touching ranges
// stay apart; empty targets cover no bytes and belong to no cluster.
//
// Also decides where the callee sees each target's buffer: Rust keeps one
// address per buffer, the one of the last record naming it.

/** Above this many targets, sorting uses the built-in sort rather than insertion sort. */
const SMALL = 32;

/**
 * Groups the non-empty targets into clusters ordered by buffer, then start
 * offset; returns the cluster count. Members of a cluster are listed in
 * order of offset (ties in target order, as Rust's stable sort leaves them).
 */
export function buildClusters(work, count) {
  sortTargets(work, count);
  spreadReach(work, count);
  const { order, members, offset, len, buffer, writable } = work;
  let clusters = 0;
  let current = -1;
  let m = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    work.cluster[i] = -1;
    if (len[i] === 0) continue;
    // Sorted order means the target starts no earlier than the current cluster.
    if (current >= 0 && buffer[i] === work.clusterBuffer[current] && offset[i] < work.end[current]) {
      work.end[current] = Math.max(work.end[current], offset[i] + len[i]);
      work.clusterWritable[current] |= writable[i];
    } else {
      current = clusters++;
      work.clusterBuffer[current] = buffer[i];
      work.start[current] = offset[i];
      work.end[current] = offset[i] + len[i];
      work.clusterWritable[current] = writable[i];
      work.from[current] = m;
    }
    members[m++] = i;
    work.to[current] = m;
    work.cluster[i] = current;
  }
  return clusters;
}

/** Fills `work.order` with every target index sorted by (buffer, offset), stably. */
function sortTargets(work, count) {
  const { order, buffer, offset } = work;
  if (count > SMALL) {
    const sorted = Array.from({ length: count }, (_, i) => i)
      .sort((a, b) => buffer[a] - buffer[b] || offset[a] - offset[b]);
    order.set(sorted);
    return;
  }
  for (let k = 0; k < count; k++) {
    let j = k;
    // Only strictly greater keys move up, so equal keys keep target order.
    while (j > 0 && after(work, order[j - 1], k)) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
}

function after(work, a, b) {
  const { buffer, offset } = work;
  return buffer[a] > buffer[b] || (buffer[a] === buffer[b] && offset[a] > offset[b]);
}

/** Gives every target the address of its buffer from the last record naming that buffer. */
function spreadReach(work, count) {
  const { order, buffer, address, reach } = work;
  let k = 0;
  while (k < count) {
    // Targets of one buffer are a run of the sorted order.
    let end = k;
    let last = order[k];
    while (end < count && buffer[order[end]] === buffer[order[k]]) {
      last = Math.max(last, order[end]);
      end++;
    }
    for (let j = k; j < end; j++) reach[order[j]] = address[last];
    k = end;
  }
}
