//! libc exported straight from `@import("c")`, with no Zig in between: C
//! strings, a comparator, and the printf family called with typed extras.
const c = @import("c");

pub const strlen = c.strlen;
pub const qsort = c.qsort;
pub const snprintf = c.snprintf;
pub const printf = c.printf;
pub const fprintf = c.fprintf;
pub const fdopen = c.fdopen;
pub const fclose = c.fclose;
pub const fflush = c.fflush;

pub const Int = c_int;
pub const Long = c_long;
pub const Double = f64;
pub const CStr = [*:0]const u8;

/// A qsort comparator over `i32`s, written in Zig.
pub fn compareInts(a: ?*const anyopaque, b: ?*const anyopaque) callconv(.c) c_int {
    const x: *const i32 = @ptrCast(@alignCast(a.?));
    const y: *const i32 = @ptrCast(@alignCast(b.?));
    return if (x.* < y.*) -1 else @intFromBool(x.* > y.*);
}
