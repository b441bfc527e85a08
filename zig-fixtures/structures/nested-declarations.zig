//! Declarations inside a struct appear on its class: constants, variables,
//! nested types, and a type that refers to itself.
pub const Circle = extern struct {
    radius: f64,

    pub const pi = 3.141592653589793;
    pub const unit: Circle = .{ .radius = 1 };
    pub var created: u32 = 0;
    pub const Self = @This();
    pub const Style = enum(u8) { solid, dashed };
    pub const Box = struct { width: f64, height: f64 };

    pub fn make(radius: f64) Circle {
        created += 1;
        return .{ .radius = radius };
    }

    pub fn area(self: Circle) f64 {
        return pi * self.radius * self.radius;
    }

    pub fn bounds(self: Circle) Box {
        return .{ .width = 2 * self.radius, .height = 2 * self.radius };
    }
};
