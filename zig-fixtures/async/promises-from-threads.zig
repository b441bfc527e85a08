//! Promises settled from other threads, after the call returned: with a
//! value, an error, when an abort signal fires, or in parts.
const std = @import("std");
const zigar = @import("zigar");

fn sleepMs(ms: u32) void {
    var ts: std.c.timespec = .{ .sec = 0, .nsec = @as(c_long, ms) * std.time.ns_per_ms };
    _ = std.c.nanosleep(&ts, null);
}

fn later(promise: zigar.function.Promise(error{Refused}!u64), x: u64) void {
    sleepMs(5);
    if (x == 0) promise.resolve(error.Refused) else promise.resolve(x * 3);
}

/// Settles from another thread after returning.
pub fn resolveLater(x: u64, promise: zigar.function.Promise(error{Refused}!u64)) !void {
    const thread = try std.Thread.spawn(.{}, later, .{ promise, x });
    thread.detach();
}

const Slow = struct {
    fn run(promise: zigar.function.Promise(error{Aborted}!u32), signal: zigar.function.AbortSignal) void {
        var ticks: u32 = 0;
        while (ticks < 2000) : (ticks += 1) {
            if (signal.on()) return promise.resolve(error.Aborted);
            sleepMs(1);
        }
        promise.resolve(ticks);
    }
};

/// Works on another thread until done or aborted.
pub fn slowWork(promise: zigar.function.Promise(error{Aborted}!u32), signal: zigar.function.AbortSignal) !void {
    const thread = try std.Thread.spawn(.{}, Slow.run, .{ promise, signal });
    thread.detach();
}

/// Splits one promise among three threads: once all three parts came, it
/// settles with the value of the last.
pub fn inParts(promise: zigar.function.Promise(u32)) !void {
    parts_done.store(0, .release);
    const parts = try promise.partition(std.heap.c_allocator, 3);
    for (0..3) |i| {
        const thread = try std.Thread.spawn(.{}, settlePart, .{ parts, @as(u32, @intCast(i)) });
        thread.detach();
    }
}

var parts_done = std.atomic.Value(u32).init(0);

fn settlePart(promise: zigar.function.Promise(u32), i: u32) void {
    sleepMs(3 - i);
    // Counted first: the last part settles the promise.
    _ = parts_done.fetchAdd(1, .acq_rel);
    promise.resolve(100 + i);
}

/// How many parts of the last `inParts` promise came.
pub fn partsDone() u32 {
    return parts_done.load(.acquire);
}
