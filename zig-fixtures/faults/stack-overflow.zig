//! Unbounded recursion: Zig runs out of stack. A call that recurses within
//! bounds still works, before and after one that overflowed.
const std = @import("std");

/// Recurses `depth` times with a frame kept alive by the work after the
/// call, so no optimization turns the recursion into a loop.
pub fn recurse(depth: u32) u64 {
    if (depth == 0) return 0;
    var buffer: [256]u8 = undefined;
    @memset(&buffer, @truncate(depth));
    std.mem.doNotOptimizeAway(&buffer);
    return recurse(depth - 1) + buffer[depth % buffer.len];
}

/// Never stops recursing.
pub fn bottomless() u64 {
    return recurse(std.math.maxInt(u32));
}

/// Recurses with 16 KiB frames: in WebAssembly the shadow stack in linear
/// memory runs out before the engine's own stack does.
pub fn bottomlessWide(depth: u32) u64 {
    var buffer: [16384]u8 = undefined;
    @memset(&buffer, @truncate(depth));
    std.mem.doNotOptimizeAway(&buffer);
    return bottomlessWide(depth +% 1) + buffer[depth % buffer.len];
}

/// A fault that is no stack overflow, a write to an address nothing maps:
/// the runtime's handler must leave it to the handler installed before it.
pub fn writeTo(address: usize) void {
    const at: *volatile u8 = @ptrFromInt(address);
    at.* = 1;
}
