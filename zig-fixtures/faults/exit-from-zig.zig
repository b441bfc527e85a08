//! `std.process.exit` called from Zig in the middle of a call from JS.
const std = @import("std");

/// Prints a line, then ends the process with `status`.
pub fn printThenExit(status: u8) void {
    std.debug.print("leaving with {d}\n", .{status});
    std.process.exit(status);
}

/// Ends the process with `status` without printing.
pub fn exitWith(status: u8) void {
    std.process.exit(status);
}

pub fn add(a: i32, b: i32) i32 {
    return a + b;
}
