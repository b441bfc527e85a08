//! Tagged unions: only the active field reads; setting a field activates it. Enums with methods too.
pub const Shape = union(enum) {
    circle: f64,
    square: f64,
    point: void,
    pub fn area(self: Shape) f64 {
        return switch (self) { .circle => |r| 3 * r * r, .square => |s| s * s, .point => 0 };
    }
};
pub const Small = union(enum(u32)) { byte: u8, trio: [3]u8 };
pub fn grow(s: Shape) Shape { return switch (s) { .circle => |r| .{ .circle = r * 2 }, else => .{ .square = 1 } }; }
pub fn pick(n: u8) Small { return if (n == 0) .{ .byte = 7 } else .{ .trio = .{ 1, 2, 3 } }; }
pub var current: Shape = .{ .circle = 1 };

pub const Direction = enum {
    north,
    south,

    pub fn opposite(self: Direction) Direction {
        return if (self == .north) .south else .north;
    }
};
