//! Floats of every width (f16, f32, f64, f80, f128) as parameters and results, including values only the wide ones can hold.
const std = @import("std");

pub fn echoF16(x: f16) f16 {
    return x;
}

pub fn echoF32(x: f32) f32 {
    return x;
}

pub fn echoF64(x: f64) f64 {
    return x;
}

pub fn echoF80(x: f80) f80 {
    return x;
}

pub fn echoF128(x: f128) f128 {
    return x;
}

/// Rounded to f16 by Zig.
pub fn divideF16(a: f16, b: f16) f16 {
    return a / b;
}

/// Rounded to f32 by Zig.
pub fn addF32(a: f32, b: f32) f32 {
    return a + b;
}

/// `(big + small) - big`: `small` back in f80, 0 in f64 when `big` is large.
pub fn cancelF80(big: f80, small: f80) f80 {
    return (big + small) - big;
}

/// `(big + small) - big`: `small` back in f128, 0 in f64 when `big` is large.
pub fn cancelF128(big: f128, small: f128) f128 {
    return (big + small) - big;
}

/// The exact f128 sum, which JS sees rounded to the nearest double.
pub fn addF128(a: f128, b: f128) f128 {
    return a + b;
}

/// Zig's own test for -0, so JS writes are checked in Zig.
pub fn isNegativeZeroF80(x: f80) bool {
    return x == 0 and std.math.signbit(x);
}

pub fn isNegativeZeroF128(x: f128) bool {
    return x == 0 and std.math.signbit(x);
}

pub fn thirdF80() f80 {
    return 1.0 / 3.0;
}

pub fn thirdF128() f128 {
    return 1.0 / 3.0;
}

/// Beyond the largest double.
pub fn hugeF80() f80 {
    return 1e4000;
}

pub fn hugeF128() f128 {
    return -1e4000;
}

/// Below the smallest double.
pub fn tinyF128() f128 {
    return -1e-4000;
}

pub fn nanF80() f80 {
    return std.math.nan(f80);
}

pub fn infinityF128() f128 {
    return -std.math.inf(f128);
}

pub fn negativeZeroF16() f16 {
    return -0.0;
}
