//! An iterator kept in Zig memory and returned by pointer: JS reads it live
//! after the call. Kept over the text of an argument, it would point at
//! memory that lives only during the call (refused); kept over text Zig
//! owns, it is fine.
const std = @import("std");

const Words = std.mem.SplitIterator(u8, .sequence);

var kept: Words = undefined;
var storage: [64]u8 = undefined;

/// Keeps a pointer to `text`, which the call's caller owns: refused.
pub fn keepWords(text: []const u8) *Words {
    kept = std.mem.splitSequence(u8, text, " ");
    return &kept;
}

/// Copies `text` into Zig's own memory first: safe.
pub fn copyWords(text: []const u8) *Words {
    const n = @min(text.len, storage.len);
    @memcpy(storage[0..n], text[0..n]);
    kept = std.mem.splitSequence(u8, storage[0..n], " ");
    return &kept;
}

/// A variable over text in the module's constant data.
pub var fixed: Words = std.mem.splitSequence(u8, "red green blue", " ");
