//! Zig threads calling JS functions: void callbacks are delivered without
//! waiting, value-returning ones wait for JS, and a thread waiting on a JS
//! thread that waits on it gets an error rather than hanging.
const std = @import("std");
const zigar = @import("zigar");

var workers: [16]?std.Thread = @splat(null);

fn count(f: *const fn (u32, u32) void, thread: u32, n: u32) void {
    var i: u32 = 0;
    while (i < n) : (i += 1) f(thread, i);
}

/// Starts `threads` threads that each call `f(thread, i)` `n` times, and returns.
pub fn spray(threads: u32, n: u32, f: *const fn (u32, u32) void) !void {
    try zigar.thread.use();
    for (0..threads) |t| workers[t] = try std.Thread.spawn(.{}, count, .{ f, @as(u32, @intCast(t)), n });
}

/// Waits for the threads `spray` started.
pub fn join() void {
    for (&workers) |*w| if (w.*) |t| {
        t.join();
        w.* = null;
    };
    zigar.thread.end();
}

var answer: std.atomic.Value(i64) = .init(0);

fn ask(f: *const fn (i32) anyerror!i32) void {
    const got = f(21) catch |err| {
        answer.store(-@as(i64, @intFromError(err)), .release);
        return;
    };
    answer.store(got, .release);
}

/// Asks `f` from another thread and returns at once; `answered` reads what it said.
pub fn askLater(f: *const fn (i32) anyerror!i32) !void {
    answer.store(0, .release);
    try zigar.thread.use();
    workers[0] = try std.Thread.spawn(.{}, ask, .{f});
}

pub fn answered() i64 {
    return answer.load(.acquire);
}

/// Asks `f` from another thread and waits for that thread: the JS thread
/// cannot run `f` meanwhile, so the thread gets error.Deadlock.
pub fn askAndWait(f: *const fn (i32) anyerror!i32) anyerror!i32 {
    workers[0] = try std.Thread.spawn(.{}, ask, .{f});
    workers[0].?.join();
    workers[0] = null;
    const got = answer.load(.acquire);
    if (got < 0) return @errorFromInt(@as(u16, @intCast(-got)));
    return @intCast(got);
}

fn callForever(f: *const fn (u32) u32) void {
    var i: u32 = 0;
    while (true) : (i +%= 1) _ = f(i);
}

/// Starts a thread that calls `f` until the process ends (never joined);
/// with `keep_alive`, also keeps the process alive meanwhile.
pub fn callUntilExit(f: *const fn (u32) u32, keep_alive: bool) !void {
    if (keep_alive) try zigar.thread.use();
    _ = try std.Thread.spawn(.{}, callForever, .{f});
}
