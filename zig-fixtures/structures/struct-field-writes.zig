//! Structs whose scalar fields JS writes, with functions through which Zig
//! reads the bytes back: fields of one element type, of mixed types, and a
//! struct in Zig memory that moves when WebAssembly memory grows.
const std = @import("std");

pub const Sample = extern struct { a: f64, b: f64, count: i32, small: u8, big: u64 };
pub const Reading = extern struct { t: f32, id: u16, v: f32, w: f32 };

pub var sample: Sample = .{ .a = 1.5, .b = -2.25, .count = -7, .small = 200, .big = 1 << 40 };
var kept: std.ArrayListUnmanaged([]u8) = .empty;

pub fn sampleA(s: *const Sample) f64 {
    return s.a;
}

pub fn sampleB(s: *const Sample) f64 {
    return s.b;
}

pub fn sampleCount(s: *const Sample) i32 {
    return s.count;
}

pub fn sampleSmall(s: *const Sample) u8 {
    return s.small;
}

pub fn sampleBig(s: *const Sample) u64 {
    return s.big;
}

pub fn readingSum(r: *const Reading) f32 {
    return r.t + r.v + r.w;
}

pub fn readingId(r: *const Reading) u16 {
    return r.id;
}

/// The global as Zig sees it now.
pub fn globalA() f64 {
    return sample.a;
}

/// The global through a const pointer: JS gets a read-only view of it.
pub fn constSample() *const Sample {
    return &sample;
}

/// Allocates `megabytes` MiB and keeps it: in WebAssembly the memory grows.
pub fn grow(megabytes: u32) !void {
    const block = try std.heap.page_allocator.alloc(u8, @as(usize, megabytes) << 20);
    try kept.append(std.heap.page_allocator, block);
}
