//! Structs whose scalar fields JS reads: fields of one element type, of
//! mixed types, and a struct in Zig memory that Zig writes and that moves
//! when WebAssembly memory grows.
const std = @import("std");

pub const Sample = extern struct { a: f64, b: f64, count: i32, small: u8, big: u64 };
pub const Rgba = extern struct { r: u8, g: u8, b: u8, a: u8 };
pub const Reading = extern struct { t: f32, id: u16, v: f32, w: f32 };
pub const Wide = extern struct { lo: u64, hi: i64, mid: u32, neg: i16 };

pub var sample: Sample = .{ .a = 1.5, .b = -2.25, .count = -7, .small = 200, .big = 1 << 40 };
pub var readings = [_]Reading{
    .{ .t = 1, .id = 1, .v = 10, .w = 100 },
    .{ .t = 2, .id = 2, .v = 20, .w = 200 },
};
var kept: std.ArrayListUnmanaged([]u8) = .empty;

pub fn setSampleA(value: f64) void {
    sample.a = value;
}

pub fn setReadingV(index: usize, value: f32) void {
    readings[index].v = value;
}

pub fn brightness(c: Rgba) u32 {
    return @as(u32, c.r) + c.g + c.b;
}

pub fn total(r: Reading) f32 {
    return r.t + r.v + r.w;
}

/// Allocates `megabytes` MiB and keeps it: in WebAssembly the memory grows.
pub fn grow(megabytes: u32) !void {
    const block = try std.heap.page_allocator.alloc(u8, @as(usize, megabytes) << 20);
    try kept.append(std.heap.page_allocator, block);
}
