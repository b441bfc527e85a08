//! The demo's Zig half: a few functions a JS program calls directly.
const std = @import("std");

pub const ChecksumError = error{ EmptyInput, ValueTooLarge };

/// Fletcher-16 over the bytes of a number, as a tiny "real work" example.
pub fn fletcher16(value: u64) u16 {
    var a: u16 = 0;
    var b: u16 = 0;
    const bytes = std.mem.asBytes(&value);
    for (bytes) |byte| {
        a = (a + byte) % 255;
        b = (b + a) % 255;
    }
    return (b << 8) | a;
}

/// Integer square root, or an error for values Zig refuses to handle here.
pub fn isqrt(n: u64) ChecksumError!u32 {
    if (n == 0) return error.EmptyInput;
    if (n > 1 << 62) return error.ValueTooLarge;
    return @intCast(std.math.sqrt(n));
}

/// Average of two floats, or null when either is NaN.
pub fn mean(a: f64, b: f64) ?f64 {
    if (std.math.isNan(a) or std.math.isNan(b)) return null;
    return (a + b) / 2;
}

/// How many times `tick` was called; JS reads and writes it in place.
pub var ticks: u32 = 0;

pub fn tick() u32 {
    ticks += 1;
    std.debug.print("Zig: tick number {d}\n", .{ticks});
    return ticks;
}
