//! std's iterators returned by functions: each holds a slice of the text it
//! was given, which JS iterates after the call returned.
const std = @import("std");

pub fn splitWords(text: []const u8) std.mem.SplitIterator(u8, .sequence) {
    return std.mem.splitSequence(u8, text, " ");
}

pub fn tokens(text: []const u8) std.mem.TokenIterator(u8, .scalar) {
    return std.mem.tokenizeScalar(u8, text, ' ');
}

pub fn tokensOf(text: []const u8, delimiters: []const u8) std.mem.TokenIterator(u8, .any) {
    return std.mem.tokenizeAny(u8, text, delimiters);
}

pub fn splitNumbers(values: []const u32) std.mem.SplitIterator(u32, .scalar) {
    return std.mem.splitScalar(u32, values, 0);
}

pub fn windows(values: []const u16) std.mem.WindowIterator(u16) {
    return std.mem.window(u16, values, 3, 2);
}
