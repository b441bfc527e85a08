//! A module used from several worker threads at once: pure calls, and a
//! global that every thread sees because the library is loaded once.
const std = @import("std");

pub var hits = std.atomic.Value(u32).init(0);

pub fn mix(seed: u32, rounds: u32) u32 {
    var x = seed;
    var i: u32 = 0;
    while (i < rounds) : (i += 1) x = x *% 1664525 +% 1013904223;
    return x;
}

pub fn hit() u32 {
    return hits.fetchAdd(1, .monotonic) + 1;
}

pub fn hitCount() u32 {
    return hits.load(.monotonic);
}

pub fn greet(id: u32) void {
    std.debug.print("worker {d} says hello\n", .{id});
}
