//! `@Vector` values and sentinel-terminated arrays.
const std = @import("std");

pub const Vec3 = @Vector(3, f32);

pub fn scale(v: Vec3, k: f32) Vec3 {
    return v * @as(Vec3, @splat(k));
}

pub fn dot(a: @Vector(4, i32), b: @Vector(4, i32)) i32 {
    return @reduce(.Add, a * b);
}

pub var label: [5:0]u8 = "hello".*;

pub fn labelLength() usize {
    return std.mem.len(@as([*:0]const u8, &label));
}

pub fn nameLength(name: [4:0]u8) usize {
    return std.mem.len(@as([*:0]const u8, &name));
}
