//! Bare unions (`union { ... }`): with runtime safety Zig keeps a hidden tag
//! naming the active field, and only that field may be read or assigned.
pub const Number = union {
    integer: i32,
    big: i64,
    decimal: f64,
    bytes: [3]u8,
};

/// Only byte-aligned fields: the hidden tag follows the three bytes.
pub const Small = union { byte: u8, trio: [3]u8 };

pub var number: Number = .{ .integer = 123 };
pub var table = [2]Number{ .{ .decimal = 0.5 }, .{ .big = -7 } };

pub const Holder = struct { id: u32, value: Number };
pub var holder: Holder = .{ .id = 1, .value = .{ .bytes = .{ 1, 2, 3 } } };

pub fn makeDecimal(x: f64) Number {
    return .{ .decimal = x };
}

pub fn integerOf(n: Number) i32 {
    return n.integer;
}

pub fn doubleBig(n: *Number) void {
    n.big *= 2;
}

pub fn maybeSmall(yes: bool) ?Small {
    return if (yes) .{ .trio = .{ 4, 5, 6 } } else null;
}

pub fn setSmall(s: *Small, b: u8) void {
    s.* = .{ .byte = b };
}
