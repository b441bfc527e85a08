//! The functions through which JS allocates and frees with a Zig allocator
//! it holds (`allocator.alloc(len, align)` in JS): the allocator arrives as
//! its two words, since JS only ever holds those.
const std = @import("std");

/// `len` bytes aligned to `alignment` (a power of two) from the allocator,
/// or null when it has none to give.
pub fn alloc(ptr: usize, vtable: usize, len: usize, alignment: u16) ?[]u8 {
    const memory = allocator(ptr, vtable).rawAlloc(len, .fromByteUnits(alignment), @returnAddress()) orelse return null;
    return memory[0..len];
}

/// Gives `bytes`, which the allocator gave with `alignment`, back to it.
pub fn free(ptr: usize, vtable: usize, bytes: []u8, alignment: u16) void {
    allocator(ptr, vtable).rawFree(bytes, .fromByteUnits(alignment), @returnAddress());
}

fn allocator(ptr: usize, vtable: usize) std.mem.Allocator {
    // An allocator whose state needs no pointer (the page allocator) may
    // hold any address there, even none; its functions never read it.
    return .{ .ptr = if (ptr == 0) @ptrFromInt(vtable) else @ptrFromInt(ptr), .vtable = @ptrFromInt(vtable) };
}
