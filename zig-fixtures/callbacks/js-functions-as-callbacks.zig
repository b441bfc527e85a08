//! JS functions passed where Zig takes function pointers: called with
//! numbers, structs and strings, giving results back, held in variables
//! and fields, and calling back into Zig.
const std = @import("std");

pub const Point = struct { x: f64, y: f64 };

pub fn apply(f: *const fn (i32, i32) i32, a: i32, b: i32) i32 {
    return f(a, b);
}

pub fn each(items: []const f64, f: *const fn (f64) void) void {
    for (items) |x| f(x);
}

pub fn mapPoint(p: Point, f: *const fn (Point) Point) Point {
    return f(p);
}

pub fn greet(f: *const fn ([]const u8, u64, bool) void) void {
    f("hello", 1 << 40, true);
}

pub fn sumTwice(f: *const fn (u8) u32) u32 {
    return f(1) + f(2);
}

pub fn double(x: i32) i32 {
    return x * 2;
}

pub fn same(a: *const fn (i32) i32, b: *const fn (i32) i32) bool {
    return a == b;
}

pub var handler: ?*const fn (i32) i32 = null;

pub fn callHandler(x: i32) i32 {
    const h = handler orelse return -1;
    return h(x);
}

pub const Button = struct {
    label: []const u8,
    on_click: *const fn (u32) void,

    pub fn click(self: Button, times: u32) void {
        var i: u32 = 0;
        while (i < times) : (i += 1) self.on_click(i);
    }
};

pub fn nested(outer: *const fn (i32) i32, depth: i32) i32 {
    return outer(depth) + 1;
}

pub const Variadic = *const fn (c_int, ...) callconv(.c) c_int;
pub var variadic: ?Variadic = null;

/// The length of the text a JS function returns (which must be Zig's memory).
pub fn textLength(f: *const fn () []const u8) usize {
    return f().len;
}

/// The length of text a JS function makes with an allocator; frees it.
pub fn madeTextLength(f: *const fn (std.mem.Allocator) []const u8) usize {
    const text = f(std.heap.page_allocator);
    defer std.heap.page_allocator.free(text);
    return text.len;
}

/// A JS function writes through the pointer it receives.
pub fn tripledThroughPointer(f: *const fn (*i32) void) i32 {
    var x: i32 = 5;
    f(&x);
    return x;
}
