//! A work queue whose workers count their starts and ends: promisified
//! functions (one failing, one telling which worker ran it), an asyncified
//! iterator, and startup/shutdown made by the queue.
const std = @import("std");
const builtin = @import("builtin");
const zigar = @import("zigar");

const worker = struct {
    var starts = std.atomic.Value(u32).init(0);
    var ends = std.atomic.Value(u32).init(0);
    var next_id = std.atomic.Value(u32).init(0);
    threadlocal var id: u32 = 0;

    pub fn onThreadStart() void {
        id = next_id.fetchAdd(1, .acq_rel);
        _ = starts.fetchAdd(1, .acq_rel);
    }

    pub fn onThreadEnd() void {
        _ = ends.fetchAdd(1, .acq_rel);
    }

    pub fn triple(x: u32) u64 {
        return @as(u64, x) * 3;
    }

    /// Which worker ran the call (numbered from 0 in start order), after
    /// working for `us` microseconds, so that calls spread over workers.
    pub fn whichWorker(us: u32) u32 {
        if (us > 0) spin(us);
        return id;
    }

    pub fn halve(x: i32) error{Odd}!i32 {
        if (@rem(x, 2) != 0) return error.Odd;
        return @divExact(x, 2);
    }

    pub fn greet(name: []const u8, allocator: std.mem.Allocator) ![]const u8 {
        return std.fmt.allocPrint(allocator, "hello, {s}", .{name});
    }

    pub fn countTo(n: u32) Counter {
        return .{ .left = n };
    }

    const Counter = struct {
        left: u32,
        at: u32 = 0,

        pub fn next(self: *Counter) ?u32 {
            if (self.at == self.left) return null;
            self.at += 1;
            return self.at;
        }
    };
};

/// Sleeps natively; WebAssembly runs jobs on the calling thread, where
/// waiting would only slow the test.
fn spin(us: u32) void {
    if (builtin.single_threaded) return;
    const ns = @as(u64, us) * std.time.ns_per_us;
    var ts: std.c.timespec = .{ .sec = 0, .nsec = @intCast(ns) };
    _ = std.c.nanosleep(&ts, null);
}

var queue: zigar.thread.WorkQueue(worker) = .{};

pub const startup = queue.promisify(.startup);
pub const startup1 = queue.promisify(.startup1);
pub const shutdown = queue.promisify(.shutdown);
pub const triple = queue.promisify(worker.triple);
pub const whichWorker = queue.promisify(worker.whichWorker);
pub const halve = queue.promisify(worker.halve);
pub const countTo = queue.asyncify(worker.countTo);

pub fn threadStarts() u32 {
    return worker.starts.load(.acquire);
}

pub fn threadEnds() u32 {
    return worker.ends.load(.acquire);
}
