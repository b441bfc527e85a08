//! Zig memory that JS holds views of while the module's memory grows.
const std = @import("std");

pub const Point = extern struct { x: f64, y: f64 };

pub var origin: Point = .{ .x = 1, .y = 2 };
pub var counter: u32 = 7;
var table = [_]u32{ 10, 20, 30, 40 };
var kept: std.ArrayListUnmanaged([]u8) = .empty;

/// A view of memory Zig owns.
pub fn numbers() []u32 {
    return &table;
}

pub fn sum() u32 {
    var total: u32 = 0;
    for (table) |n| total += n;
    return total;
}

pub fn getCounter() u32 {
    return counter;
}

pub fn originX() f64 {
    return origin.x;
}

/// Allocates `megabytes` MiB and keeps it: in WebAssembly the memory grows.
pub fn grow(megabytes: u32) !void {
    const block = try std.heap.page_allocator.alloc(u8, @as(usize, megabytes) << 20);
    try kept.append(std.heap.page_allocator, block);
}

/// Grows the memory while `out` (copied into wasm memory) is in use.
pub fn growWhileFilling(out: []u8, megabytes: u32) !void {
    try grow(megabytes);
    @memset(out, 5);
}
