//! Functions on buffers from `tieableBuffer()`: in WebAssembly their pages
//! are mapped into the module's memory, so Zig may keep a pointer into one
//! across calls, as it may keep one into JS memory in a native library.
const std = @import("std");

var held: []u8 = &.{};
var kept: std.ArrayListUnmanaged([]u8) = .empty;

/// Keeps `bytes` for later calls (valid while JS keeps the buffer).
pub fn hold(bytes: []u8) void {
    held = bytes;
}

pub fn heldSum() u32 {
    var total: u32 = 0;
    for (held) |b| total += b;
    return total;
}

pub fn heldWrite(index: usize, value: u8) void {
    held[index] = value;
}

pub fn addressOf(bytes: []const u8) usize {
    return @intFromPtr(bytes.ptr);
}

pub fn touch(bytes: []u8) void {
    bytes[0] +%= 1;
}

pub fn fillWords(words: []u32, value: u32) void {
    @memset(words, value);
}

/// Stores 0x22222222 through `ptr2`, then 0x1111 through `ptr1`.
pub fn set(ptr1: *i16, ptr2: *i32) void {
    ptr2.* = 0x22222222;
    ptr1.* = 0x1111;
}

/// Allocates `megabytes` MiB and keeps it: in WebAssembly the memory grows.
pub fn grow(megabytes: u32) !void {
    const block = try std.heap.page_allocator.alloc(u8, @as(usize, megabytes) << 20);
    try kept.append(std.heap.page_allocator, block);
}
