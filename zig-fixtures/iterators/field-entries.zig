//! Structs that are no iterators iterate as Zigar's do: `[name, value]`
//! for each field (comptime fields included), a tuple its values, a tagged
//! union its active field, a bare union every field.
pub const Point = struct {
    x: i32,
    y: i32,
    comptime kind: []const u8 = "point",
};

pub const Triple = struct { u8, f32, bool };

pub const Shape = union(enum) {
    circle: f64,
    square: u32,
};

pub const Bits = extern union {
    word: u32,
    bytes: [4]u8,
};

pub const Number = union {
    integer: i32,
    decimal: f32,
};

pub fn makeNumber(value: i32) Number {
    return .{ .integer = value };
}

pub const Empty = struct {};
