//! The demo's C half: libc functions exported to JS as they are, through
//! `@import("c")`, beside a comparator written in Zig.
const c = @import("c");

pub const qsort = c.qsort;
pub const snprintf = c.snprintf;
pub const printf = c.printf;

// C types for the extra arguments of snprintf and printf.
pub const Int = c_int;
pub const Double = f64;
pub const CStr = [*:0]const u8;

/// Orders `f64`s by magnitude, for qsort.
pub fn byMagnitude(a: ?*const anyopaque, b: ?*const anyopaque) callconv(.c) c_int {
    const x = @abs(@as(*const f64, @ptrCast(@alignCast(a.?))).*);
    const y = @abs(@as(*const f64, @ptrCast(@alignCast(b.?))).*);
    return if (x < y) -1 else @intFromBool(x > y);
}
