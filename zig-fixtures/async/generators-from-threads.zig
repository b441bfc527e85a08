//! A generator fed from another thread, which learns from `yield` when JS
//! stopped iterating.
const std = @import("std");
const zigar = @import("zigar");

var stopped_at = std.atomic.Value(i64).init(-1);

fn produce(generator: zigar.function.Generator(?u32, false)) void {
    var i: u32 = 0;
    while (i < 1_000_000) : (i += 1) {
        if (!generator.yield(i)) {
            stopped_at.store(i, .release);
            return;
        }
    }
    generator.end();
}

/// Yields from another thread until JS stops asking.
pub fn countForever(generator: zigar.function.Generator(?u32, false)) !void {
    stopped_at.store(-1, .release);
    const thread = try std.Thread.spawn(.{}, produce, .{generator});
    thread.detach();
}

/// Where the last `countForever` was told to stop (-1 while running).
pub fn stoppedAt() i64 {
    return stopped_at.load(.acquire);
}

