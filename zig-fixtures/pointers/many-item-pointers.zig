//! Many-item pointers: `[*]T` (a run with no length), `[*c]T` (may be null) and `[*:0]T` (zero-terminated).
const std = @import("std");
pub fn cLen(s: [*:0]const u8) usize { return std.mem.len(s); }
pub fn firstOf(p: [*]const u32) u32 { return p[0]; }
pub fn maybeFirst(p: [*c]const u8) i32 { return if (p == null) -1 else p[0]; }
pub fn fillSome(p: [*]u8, n: usize) void { @memset(p[0..n], 7); }
pub fn upper(s: [*:0]u8) void { var i: usize = 0; while (s[i] != 0) : (i += 1) s[i] -%= 32; }
