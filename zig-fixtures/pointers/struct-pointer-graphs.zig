//! Structs whose fields are pointers and slices, passed by value or by
//! pointer: every address inside them is written by the runtime.
const std = @import("std");

pub const Job = struct { data: []const u8, out: []u32 };

pub const Note = struct { text: []const u8 = "none", weight: ?*const u32 = null };

/// Cast over misaligned memory, a Batch travels through a scratch copy, in
/// which the runtime writes the address of `items`.
pub const Batch = struct { count: u32, items: []const u16 };

pub fn batchDouble(batch: *Batch) void {
    batch.count *= 2;
}

pub const Node = struct {
    value: u32,
    parent: ?*Node = null,
    label: []const u8 = "",
};

pub const Pair = struct { jobs: [2]Job };

/// Adds each byte of `data` to `out`, by value.
pub fn run(job: Job) usize {
    for (job.out, 0..) |*o, i| o.* += job.data[i % job.data.len];
    return job.data.len;
}

/// The same through a pointer to the struct.
pub fn runPtr(job: *const Job) usize {
    return run(job.*);
}

/// Writes through the struct's slice and replaces its scalar field.
pub fn fill(job: *Job, value: u32) void {
    for (job.out) |*o| o.* = value;
}

pub fn noteWeight(note: Note) u32 {
    const w = note.weight orelse return 0;
    return w.* + @as(u32, @intCast(note.text.len));
}

pub fn batchSum(batch: *const Batch) u32 {
    var sum: u32 = batch.count;
    for (batch.items) |x| sum += x;
    return sum;
}

/// Follows parents to the root, counting; a cycle is cut at 100 steps.
pub fn depth(node: *const Node) u32 {
    var n: u32 = 0;
    var at: ?*const Node = node;
    while (at) |x| : (at = x.parent) {
        n += 1;
        if (n == 100) break;
    }
    return n;
}

/// Adds each node's value into its parent's, once.
pub fn bubble(node: *Node) void {
    if (node.parent) |p| p.value += node.value;
}

pub fn labelLength(node: *const Node) usize {
    return node.label.len + if (node.parent) |p| p.label.len else 0;
}

pub fn pairTotal(pair: Pair) usize {
    return run(pair.jobs[0]) + run(pair.jobs[1]);
}

pub fn jobsTotal(jobs: []const Job) usize {
    var total: usize = 0;
    for (jobs) |j| total += j.data.len;
    return total;
}

