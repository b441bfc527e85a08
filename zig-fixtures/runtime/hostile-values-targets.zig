//! Targets for the boundary fuzzer (scripts/fuzz-boundary.mjs): between them
//! these functions take every parameter kind of the type matrix, and each
//! gives back what it got (echoed, summed, copied) so that a wrong value
//! passed in shows in what comes out. The fuzzer's JS model of each function
//! (scripts/fuzz-boundary/targets.mjs) says what the right answer is.
const std = @import("std");
const zigar = @import("zigar");

// --- integers, floats, bool ---------------------------------------------------

pub fn echoU8(x: u8) u8 {
    return x;
}

pub fn echoI16(x: i16) i16 {
    return x;
}

pub fn echoU32(x: u32) u32 {
    return x;
}

pub fn echoI64(x: i64) i64 {
    return x;
}

pub fn echoU128(x: u128) u128 {
    return x;
}

pub fn echoUsize(x: usize) usize {
    return x;
}

pub fn echoF32(x: f32) f32 {
    return x;
}

pub fn echoF64(x: f64) f64 {
    return x;
}

pub fn echoBool(x: bool) bool {
    return x;
}

// --- enums, errors, optionals -------------------------------------------------

pub const Color = enum(u8) { red, green, blue = 7 };

pub fn colorValue(c: Color) u8 {
    return @intFromEnum(c);
}

pub const Failure = error{ Alpha, BetaGamma };

pub fn isBeta(e: Failure) bool {
    return e == error.BetaGamma;
}

pub fn unwrapOr(x: Failure!i32, fallback: i32) i32 {
    return x catch fallback;
}

pub fn orDefault(x: ?i32) i32 {
    return x orelse -1;
}

// --- arrays, vectors ----------------------------------------------------------

pub fn sumArray(a: [4]i16) i32 {
    var total: i32 = 0;
    for (a) |v| total += v;
    return total;
}

pub fn sumVector(v: @Vector(4, f32)) f32 {
    return @reduce(.Add, v);
}

// --- slices and pointers ------------------------------------------------------

pub fn sumBytes(s: []const u8) u64 {
    var total: u64 = 0;
    for (s) |v| total += v;
    return total;
}

pub fn sumI32(s: []const i32) i64 {
    var total: i64 = 0;
    for (s) |v| total += v;
    return total;
}

pub fn sumF64(s: []const f64) f64 {
    var total: f64 = 0;
    for (s) |v| total += v;
    return total;
}

pub fn sumU64(s: []const u64) u64 {
    var total: u64 = 0;
    for (s) |v| total +%= v;
    return total;
}

pub fn sumAligned(s: []align(16) const u32) u64 {
    var total: u64 = 0;
    for (s) |v| total += v;
    return total;
}

/// Writes `value` into every element: what the fuzzer checks writes against.
pub fn fillU16(s: []u16, value: u16) void {
    @memset(s, value);
}

pub fn reverseI32(s: []i32) void {
    std.mem.reverse(i32, s);
}

/// Copies as much of `from` as fits into `to`; the two may overlap.
pub fn copyBytes(to: []u8, from: []const u8) usize {
    const n = @min(to.len, from.len);
    std.mem.copyForwards(u8, to[0..n], from[0..n]);
    return n;
}

pub fn lengthZ(s: [:0]const u8) usize {
    var n: usize = 0;
    while (s[n] != 0) n += 1;
    return if (n == s.len) n else std.math.maxInt(usize);
}

pub fn bump(p: *u32) void {
    p.* +%= 1;
}

pub fn readI64(p: *const i64) i64 {
    return p.*;
}

pub fn sumMany(p: [*]const u32, n: usize) u64 {
    var total: u64 = 0;
    for (p[0..n]) |v| total += v;
    return total;
}

// --- structs, unions ----------------------------------------------------------

pub const Point = struct { x: i32, y: f64, on: bool, color: Color };

pub fn pointSum(p: Point) f64 {
    return @as(f64, @floatFromInt(p.x)) + p.y + @as(f64, if (p.on) 1000 else 0) + @as(f64, @floatFromInt(@intFromEnum(p.color))) * 10000;
}

pub fn scalePoint(p: *Point, k: i32) void {
    p.x *%= k;
    p.y *= @floatFromInt(k);
}

pub const Flags = packed struct(u8) { a: u3, b: bool, c: u4 };

pub fn flagBits(f: Flags) u8 {
    return @bitCast(f);
}

pub const Pair = extern struct { a: u16, b: u64 };

pub fn pairSum(p: Pair) u64 {
    return p.a + p.b;
}

pub const Choice = union(enum) { n: i32, b: bool };

pub fn choiceValue(c: Choice) i32 {
    return switch (c) {
        .n => |n| n,
        .b => |b| if (b) -1000 else -2000,
    };
}

/// A struct with fields of several kinds, pointers among them.
pub const Record = struct {
    id: u64,
    name: []const u8,
    values: []const f32,
    point: Point,
    extra: ?u16,
};

pub fn recordChecksum(r: Record) f64 {
    var total: f64 = @floatFromInt(r.id % 1000);
    for (r.name) |c| total += @floatFromInt(c);
    for (r.values) |v| total += v;
    total += pointSum(r.point);
    total += @floatFromInt(r.extra orelse 7);
    return total;
}

// --- functions, allocator, promise --------------------------------------------

/// Releases `f` when done, so that the fuzzer's many functions do not use up
/// the trampolines of its type.
pub fn applyTwice(f: *const fn (i32) i32, x: i32) i32 {
    defer zigar.function.release(f);
    return f(f(x));
}

/// Reads `s` before and after calling `f`, which may detach or shrink the
/// buffer `s` views in the meantime.
pub fn sumAround(s: []const u8, f: *const fn () void) u64 {
    defer zigar.function.release(f);
    var total: u64 = 0;
    for (s[0 .. s.len / 2]) |v| total += v;
    f();
    for (s[s.len / 2 ..]) |v| total += v;
    return total;
}

/// Writes `value` into `s` before and after calling `f`.
pub fn fillAround(s: []u8, value: u8, f: *const fn () void) void {
    defer zigar.function.release(f);
    @memset(s[0 .. s.len / 2], value);
    f();
    @memset(s[s.len / 2 ..], value);
}

pub fn duplicate(allocator: std.mem.Allocator, s: []const u8) ![]u8 {
    return allocator.dupe(u8, s);
}

pub fn doubleLater(x: i32, promise: zigar.function.Promise(i32)) void {
    promise.resolve(x *% 2);
}
