//! Function pointers held in variables, fields and arrays, and returned:
//! JS calls them as functions and may point them at other Zig functions,
//! also at functions the module exports.
const std = @import("std");

fn double(x: i32) i32 {
    return x * 2;
}

fn negate(x: i32) i32 {
    return -x;
}

fn greet(name: []const u8, out: []u8) usize {
    const text = "hi ";
    @memcpy(out[0..text.len], text);
    @memcpy(out[text.len..][0..name.len], name);
    return text.len + name.len;
}

fn check(x: i32) !i32 {
    if (x < 0) return error.Negative;
    return x;
}

pub const Unary = *const fn (i32) i32;

pub var transform: Unary = &double;
pub var maybe_transform: ?Unary = null;
pub const table = [_]Unary{ &double, &negate };
pub var writer: *const fn ([]const u8, []u8) usize = &greet;
pub var checker: *const fn (i32) anyerror!i32 = &check;

pub const Handler = struct {
    id: u32,
    run: Unary,
};

pub var handler: Handler = .{ .id = 1, .run = &negate };

/// Exported, and of the type `Unary` points at.
pub fn triple(x: i32) i32 {
    return x * 3;
}

pub const Scaler = struct {
    factor: i32,

    /// Of type `fn (i32) i32` too: no `self`.
    pub fn square(x: i32) i32 {
        return x * x;
    }
};

/// Exported, but no function pointer in the module has its type.
pub fn halve(x: f64) f64 {
    return x / 2;
}

pub fn pick(which: u32) Unary {
    return if (which == 0) &double else &negate;
}

pub fn apply(f: Unary, x: i32) i32 {
    return f(x);
}

pub fn transformNow(x: i32) i32 {
    return transform(x);
}

pub fn runHandler(h: Handler, x: i32) i32 {
    return h.run(x);
}

fn countDeep(pages: []const []const []const u8) usize {
    return pages.len;
}

/// A function JS could not call: its parameter cannot cross the boundary.
pub var deep: *const fn ([]const []const []const u8) usize = &countDeep;
