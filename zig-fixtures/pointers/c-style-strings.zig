//! C-style strings: `[*:0]const u8` names in a table of options, as a C
//! library would keep them, beside `[:0]const u8` help texts; functions
//! taking and returning zero-terminated slices; and an opaque handle kept
//! in a variable.
const std = @import("std");

/// A command-line option: its name as a C string, its help as a
/// zero-terminated slice, and the letter that selects it.
pub const Option = struct {
    name: [*:0]const u8,
    help: [:0]const u8,
    letter: u8,
};

pub var options = [_]Option{
    .{ .name = "verbose", .help = "print more", .letter = 'v' },
    .{ .name = "quiet", .help = "print less", .letter = 'q' },
};

/// The length of option `i`'s name, found as C finds it: by its terminator.
pub fn nameLength(i: usize) usize {
    return std.mem.len(options[i].name);
}

/// The name of the option selected by `letter`, or null.
pub fn nameOf(letter: u8) ?[*:0]const u8 {
    for (options) |o| if (o.letter == letter) return o.name;
    return null;
}

/// The help of the first option.
pub fn firstHelp() [:0]const u8 {
    return options[0].help;
}

/// The length of `s`; fails unless the terminator is where it should be.
pub fn terminatedLength(s: [:0]const u8) !usize {
    if (s[s.len] != 0) return error.MissingTerminator;
    return s.len;
}

/// Upper-cases `s` in place.
pub fn shout(s: [:0]u8) void {
    for (s) |*c| c.* = std.ascii.toUpper(c.*);
}

/// Name and help lengths of an option JS passes by value, each checked
/// against its terminator.
pub fn describe(o: Option) !usize {
    const help = try terminatedLength(o.help);
    return std.mem.len(o.name) + help;
}

/// The summed name lengths of options JS passes as a slice.
pub fn totalNameLength(list: []const Option) usize {
    var total: usize = 0;
    for (list) |o| total += std.mem.len(o.name);
    return total;
}

/// A parser state that only Zig looks into.
pub const Parser = opaque {};

var parsers = [_]u32{ 1, 2 };

/// Opens parser `i` (0 or 1).
pub fn openParser(i: usize) *Parser {
    return @ptrCast(&parsers[i]);
}

/// Which parser a handle stands for.
pub fn parserNumber(p: *Parser) u32 {
    return @as(*u32, @ptrCast(@alignCast(p))).*;
}

pub var current_parser: ?*Parser = null;

/// The number of the current parser, 0 for none.
pub fn currentNumber() u32 {
    return if (current_parser) |p| parserNumber(p) else 0;
}
