//! The demo's Zig half: functions and types a JS program uses directly.
const std = @import("std");

pub const ChecksumError = error{ EmptyInput, ValueTooLarge };

/// SHA-1 of JS bytes, read in place (no copy).
pub fn sha1(data: []const u8, digest: *[20]u8) void {
    std.crypto.hash.Sha1.hash(data, digest, .{});
}

/// Fletcher-16 over a byte slice.
pub fn fletcher16(bytes: []const u8) u16 {
    var a: u16 = 0;
    var b: u16 = 0;
    for (bytes) |byte| {
        a = (a + byte) % 255;
        b = (b + a) % 255;
    }
    return (b << 8) | a;
}

/// Integer square root, or an error for input Zig refuses to handle here.
pub fn isqrt(n: u64) ChecksumError!u32 {
    if (n == 0) return error.EmptyInput;
    if (n > 1 << 62) return error.ValueTooLarge;
    return @intCast(std.math.sqrt(n));
}

/// A struct with a method; JS gets it as a class.
pub const Stats = extern struct {
    count: u32 = 0,
    total: f64 = 0,

    pub fn mean(self: Stats) ?f64 {
        if (self.count == 0) return null;
        return self.total / @as(f64, @floatFromInt(self.count));
    }
};

/// Fills `stats` from the samples in place.
pub fn summarize(samples: []const f64, stats: *Stats) void {
    stats.* = .{};
    for (samples) |s| {
        stats.count += 1;
        stats.total += s;
    }
}

/// Allocates its result; JS receives an ordinary ArrayBuffer-backed value.
pub fn hexOf(allocator: std.mem.Allocator, bytes: []const u8) ![]u8 {
    const out = try allocator.alloc(u8, bytes.len * 2);
    const digits = "0123456789abcdef";
    for (bytes, 0..) |b, i| {
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 15];
    }
    return out;
}

/// How many times `tick` was called; JS reads and writes it in place.
pub var ticks: u32 = 0;

pub fn tick() u32 {
    ticks += 1;
    std.debug.print("Zig: tick number {d}\n", .{ticks});
    return ticks;
}
