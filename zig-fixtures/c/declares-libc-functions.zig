//! libc functions declared with `extern` and exported as they are: C's
//! types (`char *`, `void *`, `int`, a struct returned by value, a
//! function pointer) on the boundary, with no Zig wrapper in between.
extern fn strlen(s: [*c]const u8) usize;
extern fn strchr(s: [*c]const u8, c: c_int) [*c]u8;
extern fn strerror(code: c_int) [*c]u8;
extern fn abs(x: c_int) c_int;
extern fn labs(x: c_long) c_long;
extern fn memset(dest: ?*anyopaque, c: c_int, n: usize) ?*anyopaque;
extern fn memcpy(noalias dest: ?*anyopaque, noalias src: ?*const anyopaque, n: usize) ?*anyopaque;
extern fn qsort(base: ?*anyopaque, count: usize, size: usize, compare: ?*const Comparator) void;
extern fn div(numerator: c_int, denominator: c_int) DivResult;
extern fn atof(s: [*c]const u8) f64;
extern fn toupper(c: c_int) c_int;

pub const Comparator = fn (?*const anyopaque, ?*const anyopaque) callconv(.c) c_int;
/// C's `div_t`.
pub const DivResult = extern struct { quot: c_int, rem: c_int };

pub const c_strlen = strlen;
pub const c_strchr = strchr;
pub const c_strerror = strerror;
pub const c_abs = abs;
pub const c_labs = labs;
pub const c_memset = memset;
pub const c_memcpy = memcpy;
pub const c_qsort = qsort;
pub const c_div = div;
pub const c_atof = atof;
pub const c_toupper = toupper;

/// A comparator for `qsort` over `i32`s, written in Zig.
pub fn compareInts(a: ?*const anyopaque, b: ?*const anyopaque) callconv(.c) c_int {
    const x: *const i32 = @ptrCast(@alignCast(a.?));
    const y: *const i32 = @ptrCast(@alignCast(b.?));
    return if (x.* < y.*) -1 else if (x.* > y.*) 1 else 0;
}

/// `const char *` in a variable: read up to its zero.
pub var greeting: [*c]const u8 = "hello from C's side";
