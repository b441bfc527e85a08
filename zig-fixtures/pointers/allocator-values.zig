//! Zig allocators as JS values: returned, held in constants, variables and
//! fields, used from JS to allocate and free, and passed back to Zig.
const std = @import("std");

var fixed_buffer: [4096]u8 = undefined;
var fixed_state = std.heap.FixedBufferAllocator.init(&fixed_buffer);

pub const page = std.heap.page_allocator;
pub var current: std.mem.Allocator = std.heap.page_allocator;

pub const Arena = struct {
    name: u8,
    allocator: std.mem.Allocator,
};

pub fn fixed() std.mem.Allocator {
    return fixed_state.allocator();
}

pub fn fixedUsed() usize {
    return fixed_state.end_index;
}

pub fn resetFixed() void {
    fixed_state.reset();
}

pub fn holder() Arena {
    return .{ .name = 1, .allocator = fixed_state.allocator() };
}

/// Copies `text` with the allocator the call is given.
pub fn duplicate(allocator: std.mem.Allocator, text: []const u8) ![]u8 {
    return allocator.dupe(u8, text);
}

pub fn sum(bytes: []const u8) u32 {
    var total: u32 = 0;
    for (bytes) |b| total += b;
    return total;
}
