//! Variadic functions defined in Zig, which read their extra arguments with
//! @cVaArg as the C types a format string would name, and report exactly
//! what arrived.
const std = @import("std");

pub const Int = c_int;
pub const Uint = c_uint;
pub const Long = c_long;
pub const U64 = u64;
pub const I64 = i64;
pub const U8 = u8;
pub const I8 = i8;
pub const Bool = bool;
pub const Float = f32;
pub const Double = f64;

/// Sums `n` c_long extras.
pub fn sumLongs(n: c_int, ...) callconv(.c) c_long {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    var total: c_long = 0;
    for (0..@intCast(n)) |_| total +%= @cVaArg(&ap, c_long);
    return total;
}

/// Sums `n` double extras.
pub fn sumDoubles(n: c_int, ...) callconv(.c) f64 {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    var total: f64 = 0;
    for (0..@intCast(n)) |_| total += @cVaArg(&ap, f64);
    return total;
}

/// Reads extras as `kinds` says, one letter each: i (c_int), u (c_uint),
/// l (i64), q (u64), d (double); writes each as text into `out`
/// (space-separated) and returns the length.
pub fn describe(out: [*]u8, len: usize, kinds: [*:0]const u8, ...) callconv(.c) usize {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    var at: usize = 0;
    var i: usize = 0;
    while (kinds[i] != 0) : (i += 1) {
        const rest = out[at..len];
        const sep = if (i > 0) " " else "";
        const written = switch (kinds[i]) {
            'i' => std.fmt.bufPrint(rest, "{s}{d}", .{ sep, @cVaArg(&ap, c_int) }),
            'u' => std.fmt.bufPrint(rest, "{s}{d}", .{ sep, @cVaArg(&ap, c_uint) }),
            'l' => std.fmt.bufPrint(rest, "{s}{d}", .{ sep, @cVaArg(&ap, i64) }),
            'q' => std.fmt.bufPrint(rest, "{s}{d}", .{ sep, @cVaArg(&ap, u64) }),
            'd' => std.fmt.bufPrint(rest, "{s}{d}", .{ sep, @cVaArg(&ap, f64) }),
            else => return 0,
        } catch return 0;
        at += written.len;
    }
    return at;
}

/// Sets `len` bytes at the `[*]u8` extra to the c_int extra after it.
pub fn fill(len: usize, ...) callconv(.c) void {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    const dest = @cVaArg(&ap, [*]u8);
    const byte = @cVaArg(&ap, c_int);
    @memset(dest[0..len], @intCast(byte));
}

/// The sum of `len` bytes at the `[*]const u8` extra.
pub fn sumBytes(len: usize, ...) callconv(.c) c_uint {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    const bytes = @cVaArg(&ap, [*]const u8);
    var total: c_uint = 0;
    for (bytes[0..len]) |b| total += b;
    return total;
}

pub const Bytes = [*]u8;
pub const ConstBytes = [*]const u8;
pub const Named = extern struct { name: [*:0]const u8 };
pub const NamedMany = [*]const Named;
pub const Slice = []const u8;
pub const Big = u128;
pub const Half = f16;
pub const LongDouble = c_longdouble;
pub const Point = extern struct { x: i32, y: i32 };

/// A variadic function whose fixed parameter no register holds: not callable.
pub fn byStruct(p: Point, ...) callconv(.c) i32 {
    return p.x;
}
