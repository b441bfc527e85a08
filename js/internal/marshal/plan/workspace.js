// The planner's working memory: one set of typed arrays, reused from call
// to call and grown when a call has more targets than any before it, so
// that planning a call allocates nothing once warmed up. Targets and
// clusters are stored column by column (one array per field).

/** Per-target and per-cluster columns, each at least `capacity` long. */
export class Workspace {
  constructor(capacity = 16) {
    this.grow(capacity);
  }

  /** Makes room for `count` targets (and so at most `count` clusters). */
  ensure(count) {
    if (count > this.capacity) this.grow(Math.max(count, this.capacity * 2));
  }

  grow(capacity) {
    this.capacity = capacity;
    // Targets, as read from the records.
    this.buffer = new Uint32Array(capacity);
    this.offset = new Float64Array(capacity);
    this.len = new Float64Array(capacity);
    this.align = new Float64Array(capacity);
    this.writable = new Uint8Array(capacity);
    this.address = new Float64Array(capacity);
    // Targets, as planned: where the callee sees the target's buffer (the
    // last record naming the buffer decides; -1 out of reach) and the
    // cluster the target belongs to (-1 for an empty target).
    this.reach = new Float64Array(capacity);
    this.cluster = new Int32Array(capacity);
    // Target indices sorted by (buffer, offset), then the non-empty ones in
    // that order: each cluster's members are a run of `members`.
    this.order = new Int32Array(capacity);
    this.members = new Int32Array(capacity);
    // Clusters: their bytes, members, the constraint on their address and
    // whether they are copied, and where they are during the call (scratch
    // offset, or -1 in place).
    this.clusterBuffer = new Uint32Array(capacity);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.clusterWritable = new Uint8Array(capacity);
    this.copied = new Uint8Array(capacity);
    this.modulus = new Float64Array(capacity);
    this.residue = new Float64Array(capacity);
    this.placed = new Float64Array(capacity);
  }
}
