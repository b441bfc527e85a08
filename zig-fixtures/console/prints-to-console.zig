//! Prints through std.debug.print (stderr) and std.fs.File.stdout(): whole lines, several lines at once, a partial line and UTF-8 split across writes.
const std = @import("std");

pub fn debugLine(n: u32) void {
    std.debug.print("zig line {d}\n", .{n});
}

pub fn debugLines() void {
    std.debug.print("first\nsecond\nthird\n", .{});
}

/// Buffered stdout writer, flushed before returning.
pub fn stdoutLine(n: u32) void {
    var buffer: [64]u8 = undefined;
    var writer = std.fs.File.stdout().writer(&buffer);
    writer.interface.print("zig stdout {d}\n", .{n}) catch {};
    writer.interface.flush() catch {};
}

pub fn debugPartial() void {
    std.debug.print("no newline yet", .{});
}

pub fn debugLineEnd() void {
    std.debug.print(", now ended\n", .{});
}

/// One unbuffered write(2) of a single byte.
pub fn writeByte(byte: u8) void {
    std.fs.File.stdout().writeAll(&.{byte}) catch {};
}

/// "Grüße €\n" in three writes, two of them ending inside a character.
pub fn splitUtf8() void {
    const text = "Grüße €\n";
    const stdout = std.fs.File.stdout();
    stdout.writeAll(text[0..3]) catch {}; // "Gr" + first byte of "ü"
    stdout.writeAll(text[3..9]) catch {}; // rest of "ü", "ße ", first byte of "€"
    stdout.writeAll(text[9..]) catch {};
}
