//! One declaration of each kind a generated TypeScript declaration file
//! types: functions over scalars, strings, optionals, errors, callbacks and
//! promises; structs with methods and defaults, enums, tagged unions, error
//! sets, constants and variables.
const std = @import("std");
const zigar = @import("zigar");

pub const Point = struct {
    x: i32,
    y: i32 = 0,

    pub const origin: Point = .{ .x = 0, .y = 0 };

    pub fn sum(self: Point) i32 {
        return self.x + self.y;
    }

    pub fn shift(self: *Point, dx: i32) void {
        self.x += dx;
    }

    pub fn make(x: i32, y: i32) Point {
        return .{ .x = x, .y = y };
    }
};

pub const Colour = enum { red, green, blue };

pub const Shape = union(enum) {
    circle: f64,
    square: f64,
};

pub const MathError = error{ DivisionByZero, Overflow };

pub const Options = struct { scale: f64 = 1, offset: f64 = 0 };

pub const Unary = *const fn (i32) i32;

pub var counter: i32 = 0;
pub const limit: u64 = 1000;
pub const label: []const u8 = "typed";

pub fn add(a: i32, b: i32) i32 {
    return a + b;
}

pub fn wide(a: u64) u64 {
    return a * 2;
}

pub fn ratio(a: f32, b: f64) f64 {
    return a / b;
}

pub fn negate(b: bool) bool {
    return !b;
}

pub fn count(text: []const u8) usize {
    return text.len;
}

pub fn fill(buffer: []u8, value: u8) void {
    @memset(buffer, value);
}

pub fn total(values: []const f64) f64 {
    var sum: f64 = 0;
    for (values) |v| sum += v;
    return sum;
}

pub fn maybe(value: ?i32) ?i32 {
    return if (value) |v| v + 1 else null;
}

pub fn divide(a: i32, b: i32) MathError!i32 {
    if (b == 0) return MathError.DivisionByZero;
    return @divTrunc(a, b);
}

pub fn colourName(c: Colour) []const u8 {
    return @tagName(c);
}

pub fn next(c: Colour) Colour {
    return @enumFromInt((@intFromEnum(c) + 1) % 3);
}

pub fn area(s: Shape) f64 {
    return switch (s) {
        .circle => |r| 3 * r * r,
        .square => |a| a * a,
    };
}

pub fn distance(p: *const Point) i32 {
    return p.sum();
}

pub fn apply(f: Unary, value: i32) i32 {
    return f(value);
}

pub fn transform(x: f64, options: Options) f64 {
    return x * options.scale + options.offset;
}

pub fn later(value: i32, promise: zigar.function.Promise(i32)) void {
    promise.resolve(value * 2);
}

pub fn @"odd name"() bool {
    return true;
}
