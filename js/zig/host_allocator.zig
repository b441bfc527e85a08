//! The allocator a function gets for a `std.mem.Allocator` parameter, which
//! JS does not pass: memory comes from the host as JS ArrayBuffers, so what
//! Zig allocates and returns is ordinary JS memory, freed by the garbage
//! collector once nothing refers to it. Zig must not keep such memory past
//! the call (as with any pointer JS hands it); `free` therefore does
//! nothing, and memory cannot grow in place.
const std = @import("std");

/// Host callback: `len` bytes at `alignment`, or null when out of memory or
/// when the calling thread is not inside a call from JS.
pub const Alloc = *const fn (len: usize, alignment: usize) callconv(.c) ?[*]u8;

var host_alloc = std.atomic.Value(?Alloc).init(null);

pub fn setAlloc(f: ?Alloc) void {
    host_alloc.store(f, .release);
}

const vtable: std.mem.Allocator.VTable = .{
    .alloc = alloc,
    .resize = std.mem.Allocator.noResize,
    .remap = std.mem.Allocator.noRemap,
    .free = std.mem.Allocator.noFree,
};

/// The allocator handed to functions called from JS.
pub fn allocator() std.mem.Allocator {
    return .{ .ptr = undefined, .vtable = &vtable };
}

fn alloc(_: *anyopaque, len: usize, alignment: std.mem.Alignment, _: usize) ?[*]u8 {
    const f = host_alloc.load(.acquire) orelse return null;
    return f(len, alignment.toByteUnits());
}
