//! Unbounded recursion whose every level calls into libc, which uses more
//! stack than the Zig frame: the stack runs out inside libc, whose frames
//! the runtime cannot skip safely.
extern "c" fn snprintf(buffer: [*]u8, size: usize, format: [*:0]const u8, ...) c_int;

/// Formats `depth` at every level, forever.
pub fn bottomlessThroughLibc(depth: u32) u32 {
    var text: [32]u8 = undefined;
    const n = snprintf(&text, text.len, "%u %f %s", depth, @as(f64, 1.5), "deep");
    return bottomlessThroughLibc(depth +% 1) +% @as(u32, @intCast(n));
}
