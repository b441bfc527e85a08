//! Functions taking a `std.mem.Allocator`, which JS does not pass: what they
//! allocate and return is a JS ArrayBuffer.
const std = @import("std");

pub fn repeat(allocator: std.mem.Allocator, text: []const u8, times: usize) ![]u8 {
    const out = try allocator.alloc(u8, text.len * times);
    for (0..times) |i| @memcpy(out[i * text.len ..][0..text.len], text);
    return out;
}

pub fn squares(n: usize, allocator: std.mem.Allocator) ![]u64 {
    const out = try allocator.alloc(u64, n);
    for (out, 0..) |*v, i| v.* = i * i;
    return out;
}

pub fn joinWords(allocator: std.mem.Allocator, words: []const []const u8) ![]const u8 {
    return std.mem.join(allocator, " ", words);
}

pub fn growList(allocator: std.mem.Allocator, n: u32) ![]u32 {
    var list: std.ArrayList(u32) = .empty;
    for (0..n) |i| try list.append(allocator, @intCast(i));
    return list.items;
}

pub fn refuse(allocator: std.mem.Allocator) ![]u8 {
    _ = allocator;
    return error.NothingToGive;
}
