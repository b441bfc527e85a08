//! One declaration of each kind a generated TypeScript declaration file
//! types: functions over scalars, strings, optionals, errors, callbacks,
//! promises and generators; structs with methods and defaults, comptime
//! fields and accessors, enums, tagged unions, error sets, constants and
//! variables; arrays, vectors, slices and pointers as parameters, results
//! and fields; handles; declared scalar and function pointer types.
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

pub const Record = struct {
    name: []const u8,
    values: [3]i32,
    weights: @Vector(4, f32) = @splat(1),
    comptime version: u8 = 2,

    pub fn @"get total"(self: Record) i32 {
        return self.values[0] + self.values[1] + self.values[2];
    }

    pub fn @"set first"(self: *Record, value: i32) void {
        self.values[0] = value;
    }
};

pub const Byte = u8;
pub const Vec3 = @Vector(3, f32);
pub const CStr = [*:0]const u8;

const Session = opaque {};
var session_state: i32 = 41;

pub fn openSession() *Session {
    return @ptrCast(&session_state);
}

pub fn sessionValue(session: *Session) i32 {
    const state: *i32 = @ptrCast(@alignCast(session));
    return state.* + 1;
}

pub fn greeting() []const u8 {
    return "hello";
}

var samples = [_]f32{ 0.5, 1.5, 2.5 };

pub fn samplesView() []f32 {
    return &samples;
}

pub fn cName() [*:0]const u8 {
    return "zig";
}

pub fn triple(x: f32) [3]f32 {
    return .{ x, x * 2, x * 3 };
}

pub fn sumBytes(bytes: [4]u8) u32 {
    var sum: u32 = 0;
    for (bytes) |b| sum += b;
    return sum;
}

pub fn scaled(v: @Vector(4, f32), k: f32) @Vector(4, f32) {
    return v * @as(@Vector(4, f32), @splat(k));
}

pub fn increment(p: *i32) void {
    p.* += 1;
}

pub fn firstByte(p: *const [4]u8) u8 {
    return p[0];
}

pub fn orDefault(value: MathError!i32) i32 {
    return value catch -1;
}

pub var grid: [2][2]u8 = .{ .{ 1, 2 }, .{ 3, 4 } };

pub fn @"get level"() i32 {
    return counter * 10;
}

pub fn pair() struct { a: i32, b: bool } {
    return .{ .a = 7, .b = true };
}

pub fn countTo(n: u32, generator: zigar.function.Generator(?u32, false)) void {
    var i: u32 = 0;
    while (i < n) : (i += 1) {
        if (!generator.yield(i)) return;
    }
    generator.end();
}
