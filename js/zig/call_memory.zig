//! WebAssembly mode's allocator for a function's `std.mem.Allocator`
//! parameter. Zig code cannot reach JS memory, so allocations come from the
//! module's own memory and are remembered; after the call the host copies
//! what the result refers to into JS ArrayBuffers and releases them all.
//! As in native mode, memory from this allocator lives until the call
//! returns: `free` does nothing and nothing grows in place.
const std = @import("std");

/// One allocation, as the host reads it.
pub const Allocation = extern struct { address: u32, len: u32, log2_align: u32 };

var list: std.ArrayListUnmanaged(Allocation) = .empty;

const vtable: std.mem.Allocator.VTable = .{
    .alloc = alloc,
    .resize = std.mem.Allocator.noResize,
    .remap = std.mem.Allocator.noRemap,
    .free = std.mem.Allocator.noFree,
};

pub fn allocator() std.mem.Allocator {
    return .{ .ptr = undefined, .vtable = &vtable };
}

fn alloc(_: *anyopaque, len: usize, alignment: std.mem.Alignment, ret: usize) ?[*]u8 {
    list.ensureUnusedCapacity(std.heap.wasm_allocator, 1) catch return null;
    const memory = std.heap.wasm_allocator.rawAlloc(len, alignment, ret) orelse return null;
    list.appendAssumeCapacity(.{ .address = @intFromPtr(memory), .len = @intCast(len), .log2_align = std.math.log2_int(usize, alignment.toByteUnits()) });
    return memory;
}

/// The allocations made since the last release.
pub fn current() []const Allocation {
    return list.items;
}

/// Takes allocation `index` out of the list, so the release leaves it
/// allocated: the host keeps it for as long as a handle points into it.
pub fn keep(index: usize) void {
    if (index < list.items.len) _ = list.swapRemove(index);
}

/// Frees every allocation made since the last release.
pub fn release() void {
    for (list.items) |a| {
        const memory: [*]u8 = @ptrFromInt(a.address);
        const alignment: std.mem.Alignment = .fromByteUnits(@as(usize, 1) << @intCast(a.log2_align));
        std.heap.wasm_allocator.rawFree(memory[0..a.len], alignment, @returnAddress());
    }
    list.clearRetainingCapacity();
}
