//! Unbounded recursion on a thread the module started, while the JS thread
//! waits for it in a call (after printing, or not); and a bad write there,
//! which is no overflow.
//! Native only: WebAssembly modules are built single-threaded.
const std = @import("std");

fn bottomless(depth: u32) u64 {
    var buffer: [256]u8 = undefined;
    @memset(&buffer, @truncate(depth));
    std.mem.doNotOptimizeAway(&buffer);
    return bottomless(depth +% 1) + buffer[depth % buffer.len];
}

fn overflow(_: u32) void {
    std.mem.doNotOptimizeAway(bottomless(0));
}

fn writeTo(address: u32) void {
    const at: *volatile u8 = @ptrFromInt(address);
    at.* = 1;
}

/// Starts a thread that recurses until its stack runs out, and joins it.
pub fn overflowOnThread(_: u32) !void {
    const thread = try std.Thread.spawn(.{}, overflow, .{0});
    thread.join();
}

/// Prints a line, then starts a thread that recurses until its stack runs
/// out: the line is still held for JS's console when the process ends.
pub fn printThenOverflowOnThread(_: u32) !void {
    std.debug.print("printed on the JS thread\n", .{});
    const thread = try std.Thread.spawn(.{}, overflow, .{0});
    thread.join();
}

/// Starts a thread that writes to `address`, and joins it.
pub fn writeOnThread(address: u32) !void {
    const thread = try std.Thread.spawn(.{}, writeTo, .{address});
    thread.join();
}

/// A thread that ends normally: the hook that prepares threads leaves them working.
pub fn sumOnThread(n: u32) !u64 {
    var total: u64 = 0;
    const thread = try std.Thread.spawn(.{}, sum, .{ n, &total });
    thread.join();
    return total;
}

fn sum(n: u32, total: *u64) void {
    var i: u32 = 1;
    while (i <= n) : (i += 1) total.* += i;
}
