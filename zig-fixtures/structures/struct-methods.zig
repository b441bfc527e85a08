//! Functions declared in a struct become methods; pointers to structs take
//! struct objects (their own memory) or plain objects for const pointers.
pub const Vector = extern struct {
    x: f64,
    y: f64,

    pub fn length(self: Vector) f64 {
        return @sqrt(self.x * self.x + self.y * self.y);
    }

    pub fn scale(self: *Vector, k: f64) void {
        self.x *= k;
        self.y *= k;
    }

    pub fn zero() Vector {
        return .{ .x = 0, .y = 0 };
    }
};

pub var home: Vector = .{ .x = 3, .y = 4 };
pub const fixed: Vector = .{ .x = 1, .y = 1 };

pub fn distance(v: *const Vector) f64 {
    return v.length();
}

pub fn sumAll(vectors: []const Vector) f64 {
    var total: f64 = 0;
    for (vectors) |v| total += v.x + v.y;
    return total;
}
