//! Structs as parameters, results and variables: extern and plain layouts,
//! nested structs, arrays and enums in fields, defaults, packed bit fields.
pub const Point = extern struct { x: f64, y: f64 = 2.5 };
pub const Kind = enum(u8) { line, arrow = 5 };
pub const Segment = struct {
    from: Point,
    to: Point = .{ .x = 1, .y = 0 },
    label: [4]u8 = "none".*,
    kind: Kind = .arrow,
};
pub const Flags = packed struct { visible: bool, level: u3 = 5, kind: Kind, extra: i4 };
pub const Pair = struct { i32, bool };

pub fn norm(p: Point) f64 {
    return @sqrt(p.x * p.x + p.y * p.y);
}

pub fn midpoint(s: Segment) Point {
    return .{ .x = (s.from.x + s.to.x) / 2, .y = (s.from.y + s.to.y) / 2 };
}

pub fn raise(f: Flags) Flags {
    var g = f;
    g.level +%= 1;
    g.extra = -8;
    return g;
}

pub fn swap(p: Pair) Pair {
    return .{ -p[0], !p[1] };
}

pub var cursor: Point = .{ .x = 0, .y = 0 };
pub const unit: Segment = .{ .from = .{ .x = 0, .y = 0 }, .to = .{ .x = 1, .y = 0 } };

pub fn cursorX() f64 {
    return cursor.x;
}

pub fn moveCursor(dx: f64) void {
    cursor.x += dx;
}
