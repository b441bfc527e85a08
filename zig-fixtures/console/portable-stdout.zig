//! Writing to stdout on every Zig zigport supports: Zig 0.16 moved files to
//! `std.Io`, where a write names the `Io` that performs it.
const std = @import("std");
const builtin = @import("builtin");

const has_io = builtin.zig_version.order(.{ .major = 0, .minor = 16, .patch = 0 }) != .lt;

/// Writes all of `bytes` to stdout in one unbuffered write where possible.
pub fn writeAll(bytes: []const u8) void {
    if (has_io) {
        const io = std.Io.Threaded.global_single_threaded.io();
        std.Io.File.stdout().writeStreamingAll(io, bytes) catch {};
    } else {
        std.fs.File.stdout().writeAll(bytes) catch {};
    }
}

/// Formats into a small buffer, then writes it as one line.
pub fn print(comptime format: []const u8, args: anytype) void {
    var buffer: [64]u8 = undefined;
    writeAll(std.fmt.bufPrint(&buffer, format, args) catch return);
}
