//! Prints through std.debug.print (stderr) and stdout: whole lines, several lines at once, a partial line and UTF-8 split across writes.
const std = @import("std");
const stdout = @import("portable-stdout.zig");

pub fn debugLine(n: u32) void {
    std.debug.print("zig line {d}\n", .{n});
}

pub fn debugLines() void {
    std.debug.print("first\nsecond\nthird\n", .{});
}

/// A line formatted into a buffer, written at once.
pub fn stdoutLine(n: u32) void {
    stdout.print("zig stdout {d}\n", .{n});
}

pub fn debugPartial() void {
    std.debug.print("no newline yet", .{});
}

pub fn debugLineEnd() void {
    std.debug.print(", now ended\n", .{});
}

/// One unbuffered write(2) of a single byte.
pub fn writeByte(byte: u8) void {
    stdout.writeAll(&.{byte});
}

/// "Grüße €\n" in three writes, two of them ending inside a character.
pub fn splitUtf8() void {
    const text = "Grüße €\n";
    stdout.writeAll(text[0..3]); // "Gr" + first byte of "ü"
    stdout.writeAll(text[3..9]); // rest of "ü", "ße ", first byte of "€"
    stdout.writeAll(text[9..]);
}
