//! A panic on a thread the module spawned itself, away from any call from
//! JS: with nobody to hand the error to, the process must end with the
//! message rather than hang or vanish.
const std = @import("std");
const zigar = @import("zigar");

fn explode(code: u32) void {
    std.debug.panic("worker {d} gave up", .{code});
}

/// Spawns a thread that panics, and returns before it does.
pub fn panicOnThread(code: u32) !void {
    const thread = try std.Thread.spawn(.{}, explode, .{code});
    thread.detach();
}

/// Spawns a thread that panics and waits for it: the JS thread is inside
/// this call when the other thread panics.
pub fn panicOnThreadAndJoin(code: u32) !void {
    const thread = try std.Thread.spawn(.{}, explode, .{code});
    thread.join();
}

fn settle(promise: zigar.function.Promise(u32), code: u32) void {
    if (code == 0) std.debug.panic("promise worker gave up", .{});
    promise.resolve(code);
}

/// Settles its promise from another thread, which panics when `code` is 0.
pub fn settleOnThread(code: u32, promise: zigar.function.Promise(u32)) !void {
    const thread = try std.Thread.spawn(.{}, settle, .{ promise, code });
    thread.detach();
}
