//! Zig memory JS reads and writes across calls: variables, returned slices
//! and pointers (some overlapping), memory Zig allocated itself, and a
//! callback that reads and writes a variable while Zig waits. Behaves alike
//! whether JS views it live or through copies (no external buffers).
const std = @import("std");

pub const Point = struct { x: i32, y: i32 };

pub var counter: i32 = 0;
pub var origin: Point = .{ .x = 1, .y = 2 };
var samples = [_]u8{ 1, 2, 3, 4, 5, 6, 7, 8 };

pub fn bump() i32 {
    counter += 1;
    return counter;
}

pub fn readCounter() i32 {
    return counter;
}

pub fn originSum() i32 {
    return origin.x + origin.y;
}

pub fn moveOrigin(dx: i32) void {
    origin.x += dx;
}

pub fn originPointer() *Point {
    return &origin;
}

pub fn samplesSlice() []u8 {
    return &samples;
}

/// Bytes 2 to 5 of the same array: a view overlapping `samplesSlice`'s.
pub fn samplesMiddle() []u8 {
    return samples[2..6];
}

pub fn samplesTotal() u32 {
    var total: u32 = 0;
    for (samples) |s| total += s;
    return total;
}

pub fn scaleSamples(k: u8) void {
    for (&samples) |*s| s.* *%= k;
}

/// Memory from Zig's own allocator, filled with 0, 1, 2...
pub fn makeBuffer(len: usize) ![]u8 {
    const buffer = try std.heap.page_allocator.alloc(u8, len);
    for (buffer, 0..) |*b, i| b.* = @truncate(i);
    return buffer;
}

pub fn bufferTotal(buffer: []const u8) u32 {
    var total: u32 = 0;
    for (buffer) |b| total += b;
    return total;
}

/// Frees what `makeBuffer` gave: only right if Zig gets its own address back.
pub fn freeBuffer(buffer: []u8) void {
    std.heap.page_allocator.free(buffer);
}

/// Sets `counter`, lets `f` read and change it, and returns what it holds then.
pub fn aroundCallback(f: *const fn () void) i32 {
    counter = 100;
    f();
    return counter;
}
