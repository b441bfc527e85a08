//! Integers of odd widths, and mixed widths in one call, as parameters and results.
const std = @import("std");

pub fn echoU1(x: u1) u1 {
    return x;
}

pub fn minU1() u1 {
    return std.math.minInt(u1);
}

pub fn maxU1() u1 {
    return std.math.maxInt(u1);
}

pub fn echoI1(x: i1) i1 {
    return x;
}

pub fn minI1() i1 {
    return std.math.minInt(i1);
}

pub fn maxI1() i1 {
    return std.math.maxInt(i1);
}

pub fn echoU7(x: u7) u7 {
    return x;
}

pub fn minU7() u7 {
    return std.math.minInt(u7);
}

pub fn maxU7() u7 {
    return std.math.maxInt(u7);
}

pub fn echoI24(x: i24) i24 {
    return x;
}

pub fn minI24() i24 {
    return std.math.minInt(i24);
}

pub fn maxI24() i24 {
    return std.math.maxInt(i24);
}

pub fn echoU48(x: u48) u48 {
    return x;
}

pub fn minU48() u48 {
    return std.math.minInt(u48);
}

pub fn maxU48() u48 {
    return std.math.maxInt(u48);
}

pub fn echoI65(x: i65) i65 {
    return x;
}

pub fn minI65() i65 {
    return std.math.minInt(i65);
}

pub fn maxI65() i65 {
    return std.math.maxInt(i65);
}
/// Zero-bit integers: only 0, in no bytes at all. (Its signed twin, which
/// Zig 0.17 removed, is in signed-zero-bit-integer.zig.)
pub fn echoU0(x: u0) u0 {
    return x;
}

/// Parameters of mixed sizes and alignments, so each sits at its own offset.
pub fn mixedSum(a: u8, b: i64, c: u16, d: i128, e: bool, f: i24) i128 {
    return @as(i128, a) + b + c + d + @intFromBool(e) + f;
}

/// Computed by Zig rather than echoed: wrapping negation in 65 bits.
pub fn negateI65(x: i65) i65 {
    return 0 -% x;
}

/// Computed by Zig: wrapping u64 addition.
pub fn addWrapU64(a: u64, b: u64) u64 {
    return a +% b;
}
