//! A work queue whose thread hooks take parameters, so Zig starts it with
//! `init` (it cannot start by itself), and whose `onThreadStart` may fail.
const std = @import("std");
const zigar = @import("zigar");

const worker = struct {
    threadlocal var base: u32 = 0;
    var end_tags = std.atomic.Value(u32).init(0);

    pub fn onThreadStart(offset: u32, refuse: bool) error{StartRefused}!void {
        if (refuse) return error.StartRefused;
        base = offset;
    }

    pub fn onThreadEnd(tag: u32) void {
        _ = end_tags.fetchAdd(tag, .acq_rel);
    }

    /// `x` plus the offset the worker was started with.
    pub fn add(x: u32) u32 {
        return x + base;
    }
};

const Queue = zigar.thread.WorkQueue(worker);
var queue: Queue = .{};

/// Starts `n` workers, each calling onThreadStart(offset, refuse) and
/// onThreadEnd(tag).
pub fn start(n: usize, offset: u32, refuse: bool, tag: u32) Queue.InitError!void {
    try queue.init(.{
        .allocator = std.heap.page_allocator,
        .n_jobs = n,
        .thread_start_params = .{ offset, refuse },
        .thread_end_params = .{tag},
    });
}

/// Starts workers and waits, blocking, until they started or one failed.
pub fn startAndWait(n: usize, offset: u32, refuse: bool, tag: u32) !void {
    try start(n, offset, refuse, tag);
    try queue.wait();
}

pub fn started(promise: zigar.function.Promise(Queue.WaitResult)) void {
    queue.waitAsync(promise);
}

pub fn stop(promise: zigar.function.Promise(void)) void {
    queue.deinitAsync(promise);
}

pub const add = queue.promisify(worker.add);

/// The sum of the tags of the workers that ended.
pub fn endTags() u32 {
    return worker.end_tags.load(.acquire);
}
