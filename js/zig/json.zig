//! Comptime JSON text helpers for the descriptor.
const std = @import("std");
const compat = @import("compat.zig");

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

/// A comptime default value as JSON: numbers as strings (see `number`),
/// bools as booleans, enum values by name, arrays and structs recursively;
/// anything else as null.
pub fn value(comptime v: anytype) []const u8 {
    return switch (@typeInfo(@TypeOf(v))) {
        .bool => if (v) "true" else "false",
        .int, .comptime_int => number(v),
        .float, .comptime_float => if (std.math.isFinite(v)) number(v) else string(std.fmt.comptimePrint("{d}", .{v})),
        .@"enum", .enum_literal => string(@tagName(v)),
        .optional => if (v) |x| value(x) else "null",
        // An error default cannot be written back from JS; the payload can.
        .error_union => if (v) |x| value(x) else |_| "null",
        .array => blk: {
            var items: []const []const u8 = &.{};
            for (v) |item| items = items ++ [_][]const u8{value(item)};
            break :blk array(items);
        },
        .vector => |vector| blk: {
            var items: []const []const u8 = &.{};
            for (0..vector.len) |i| items = items ++ [_][]const u8{value(v[i])};
            break :blk array(items);
        },
        .@"struct" => blk: {
            var out: []const u8 = "{";
            for (compat.structFields(@TypeOf(v)), 0..) |f, i| {
                out = out ++ (if (i > 0) "," else "") ++ string(f.name) ++ ":" ++ value(@field(v, f.name));
            }
            break :blk out ++ "}";
        },
        // Text defaults of byte slices (`name: []const u8 = "none"`), and
        // empty slices (`children: []const Node = &.{}`) of any kind. The
        // elements of others may be run-time memory, unreadable here.
        .pointer => |p| if (p.size == .slice and p.child == u8) string(v) else if (p.size == .slice and v.len == 0) "[]" else "null",
        else => "null",
    };
}
