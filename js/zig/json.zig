//! Comptime JSON text helpers for the descriptor.
const std = @import("std");

/// `s` as a JSON string literal.
pub fn string(comptime s: []const u8) []const u8 {
    comptime var out: []const u8 = "\"";
    inline for (s) |c| {
        out = out ++ switch (c) {
            '"' => "\\\"",
            '\\' => "\\\\",
            0...0x1f => std.fmt.comptimePrint("\\u{x:0>4}", .{c}),
            else => &[_]u8{c},
        };
    }
    return out ++ "\"";
}

/// Joins already-encoded JSON values into an array.
pub fn array(comptime items: []const []const u8) []const u8 {
    comptime var out: []const u8 = "[";
    inline for (items, 0..) |item, i| {
        out = out ++ (if (i > 0) "," else "") ++ item;
    }
    return out ++ "]";
}

/// Formats a comptime number as JSON-safe text (carried as a string so that
/// integers wider than 53 bits keep every digit).
pub fn number(comptime v: anytype) []const u8 {
    return string(std.fmt.comptimePrint("{d}", .{v}));
}
