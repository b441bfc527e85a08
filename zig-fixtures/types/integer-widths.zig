//! bool and the standard integer widths as parameters and results, with Zig's own min and max of each.
const std = @import("std");

pub fn echoI8(x: i8) i8 {
    return x;
}

pub fn minI8() i8 {
    return std.math.minInt(i8);
}

pub fn maxI8() i8 {
    return std.math.maxInt(i8);
}

pub fn echoU8(x: u8) u8 {
    return x;
}

pub fn minU8() u8 {
    return std.math.minInt(u8);
}

pub fn maxU8() u8 {
    return std.math.maxInt(u8);
}

pub fn echoI16(x: i16) i16 {
    return x;
}

pub fn minI16() i16 {
    return std.math.minInt(i16);
}

pub fn maxI16() i16 {
    return std.math.maxInt(i16);
}

pub fn echoU16(x: u16) u16 {
    return x;
}

pub fn minU16() u16 {
    return std.math.minInt(u16);
}

pub fn maxU16() u16 {
    return std.math.maxInt(u16);
}

pub fn echoI32(x: i32) i32 {
    return x;
}

pub fn minI32() i32 {
    return std.math.minInt(i32);
}

pub fn maxI32() i32 {
    return std.math.maxInt(i32);
}

pub fn echoU32(x: u32) u32 {
    return x;
}

pub fn minU32() u32 {
    return std.math.minInt(u32);
}

pub fn maxU32() u32 {
    return std.math.maxInt(u32);
}

pub fn echoI64(x: i64) i64 {
    return x;
}

pub fn minI64() i64 {
    return std.math.minInt(i64);
}

pub fn maxI64() i64 {
    return std.math.maxInt(i64);
}

pub fn echoU64(x: u64) u64 {
    return x;
}

pub fn minU64() u64 {
    return std.math.minInt(u64);
}

pub fn maxU64() u64 {
    return std.math.maxInt(u64);
}

pub fn echoIsize(x: isize) isize {
    return x;
}

pub fn minIsize() isize {
    return std.math.minInt(isize);
}

pub fn maxIsize() isize {
    return std.math.maxInt(isize);
}

pub fn echoUsize(x: usize) usize {
    return x;
}

pub fn minUsize() usize {
    return std.math.minInt(usize);
}

pub fn maxUsize() usize {
    return std.math.maxInt(usize);
}

pub fn echoI128(x: i128) i128 {
    return x;
}

pub fn minI128() i128 {
    return std.math.minInt(i128);
}

pub fn maxI128() i128 {
    return std.math.maxInt(i128);
}

pub fn echoU128(x: u128) u128 {
    return x;
}

pub fn minU128() u128 {
    return std.math.minInt(u128);
}

pub fn maxU128() u128 {
    return std.math.maxInt(u128);
}
pub fn echoBool(x: bool) bool {
    return x;
}

pub fn notBool(x: bool) bool {
    return !x;
}
