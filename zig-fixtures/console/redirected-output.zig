//! Prints to stdout and stderr, for tests that redirect the module's output
//! or listen to its `log` event (a module of their own: they change how it prints).
const std = @import("std");
const stdout = @import("portable-stdout.zig");

pub fn stdoutLine(n: u32) void {
    stdout.print("to stdout {d}\n", .{n});
}

pub fn stderrLine(n: u32) void {
    std.debug.print("to stderr {d}\n", .{n});
}

pub fn bothStreams() void {
    stdout.print("out 1\n", .{});
    std.debug.print("err 1\n", .{});
    stdout.print("out 2\n", .{});
}

pub fn partialLine() void {
    std.debug.print("no newline", .{});
}
