//! Slices and single pointers of scalars as parameters: reading, writing in
//! place, optional slices, and addresses to tell in-place from copied.
const std = @import("std");

pub fn sum(values: []const u32) u64 {
    var total: u64 = 0;
    for (values) |v| total += v;
    return total;
}

pub fn fill(bytes: []u8, value: u8) void {
    @memset(bytes, value);
}

pub fn doubleAll(values: []f64) void {
    for (values) |*v| v.* *= 2;
}

pub fn scale(values: []const i32, factor: i32, out: []i32) void {
    for (values, out) |v, *o| o.* = v * factor;
}

pub fn increment(counter: *u32) void {
    counter.* += 1;
}

pub fn read(value: *const u64) u64 {
    return value.*;
}

pub fn length(text: ?[]const u8) usize {
    return if (text) |t| t.len else 999;
}

pub fn sha1(data: []const u8, digest: []u8) void {
    var hash = std.crypto.hash.Sha1.init(.{});
    hash.update(data);
    hash.final(digest[0..20]);
}

/// Address Zig sees, to tell zero copy (same address as the buffer) from a copy.
pub fn addressOf(values: []const u32) usize {
    return @intFromPtr(values.ptr);
}

/// Overwrites a const-declared slice's memory through a cast, to show that a
/// const target is never copied back.
pub fn scribble(values: []const u32) void {
    const writable: [*]u32 = @constCast(values.ptr);
    for (0..values.len) |i| writable[i] = 0xdead;
}

/// A pointer to an array takes that array's typed array.
pub fn fillFour(bytes: *[4]u8, value: u8) void {
    @memset(bytes, value);
}

pub fn unitTotal(text: []const u16) u32 {
    var total: u32 = 0;
    for (text) |unit| total += unit;
    return total;
}
