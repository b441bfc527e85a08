//! Functions returning slices of slices: into an argument, into memory the
//! allocator gave, into Zig's constants.
const std = @import("std");

/// Splits `text` at spaces into slices of it, listed in allocated memory.
pub fn split(allocator: std.mem.Allocator, text: []const u8) ![]const []const u8 {
    var parts: std.ArrayList([]const u8) = .empty;
    var it = std.mem.tokenizeScalar(u8, text, ' ');
    while (it.next()) |word| try parts.append(allocator, word);
    return parts.toOwnedSlice(allocator);
}

/// Copies of the words, each in allocated memory of its own.
pub fn splitCopies(allocator: std.mem.Allocator, text: []const u8) ![]const []const u8 {
    const parts = try split(allocator, text);
    const out = try allocator.alloc([]const u8, parts.len);
    for (parts, out) |p, *o| o.* = try allocator.dupe(u8, p);
    return out;
}

/// The same word twice: one target, reported once.
pub fn twice(allocator: std.mem.Allocator, word: []const u8) ![]const []const u8 {
    const out = try allocator.alloc([]const u8, 2);
    out[0] = word;
    out[1] = word;
    return out;
}

const greetings = [_][]const u8{ "hello", "hi" };

pub fn words() []const []const u8 {
    return &greetings;
}

pub fn maybeWords(yes: bool) ?[]const []const u8 {
    return if (yes) &greetings else null;
}

pub fn countAll(lists: []const []const u8) usize {
    var total: usize = 0;
    for (lists) |l| total += l.len;
    return total;
}
