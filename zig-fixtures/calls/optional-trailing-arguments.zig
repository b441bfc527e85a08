//! Arguments JS may leave out or add: a trailing struct whose fields all
//! have defaults, and an options object after the arguments of a function
//! that takes an allocator.
const std = @import("std");

pub const Options = struct { scale: f64 = 1, offset: f64 = 0 };

pub fn transform(x: f64, options: Options) f64 {
    return x * options.scale + options.offset;
}

pub const Required = struct { a: i32, b: i32 = 0 };

pub fn total(r: Required) i32 {
    return r.a + r.b;
}

pub fn repeat(allocator: std.mem.Allocator, text: []const u8, times: usize) ![]u8 {
    const out = try allocator.alloc(u8, text.len * times);
    for (0..times) |i| @memcpy(out[i * text.len ..][0..text.len], text);
    return out;
}
