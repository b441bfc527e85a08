//! Functions that return pointers and slices: into an argument's memory
//! (in place or through a scratch copy), into Zig's globals, or null.
pub const Point = extern struct { x: f64, y: f64 };

var table = [_]u32{ 1, 2, 3, 4 };
pub var origin: Point = .{ .x = 1, .y = 2 };

pub fn getSlice(values: []i32, from: usize, to: usize) []i32 {
    return values[from..to];
}

pub fn firstHalf(text: []const u8) []const u8 {
    return text[0 .. text.len / 2];
}

pub fn doubled(bytes: []u8) []u8 {
    for (bytes) |*b| b.* *%= 2;
    return bytes;
}

pub fn getTable() []u32 {
    return &table;
}

pub fn tableSum() u32 {
    var total: u32 = 0;
    for (table) |v| total += v;
    return total;
}

pub fn getOrigin() *Point {
    return &origin;
}

pub fn constOrigin() *const Point {
    return &origin;
}

pub fn maybeTable(yes: bool) ?[]u32 {
    return if (yes) &table else null;
}

pub fn counter() *u32 {
    return &table[0];
}
