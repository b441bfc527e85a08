//! Prints to stdout, for useRedirection.
const std = @import("std");

/// Writes a line to stdout through libc's write.
pub fn hello() void {
    const text = "hello from zig\n";
    _ = std.c.write(1, text, text.len);
}
