//! Many-item pointers returned from Zig: `[*]T` and `[*c]T` have no length,
//! so JS views one element; `[*:0]T` runs to its terminator.
pub const Point = extern struct { x: f64, y: f64 };

var numbers = [_]u32{ 10, 20, 30, 40 };
var points = [_]Point{ .{ .x = 1, .y = 2 }, .{ .x = 3, .y = 4 } };
var name_buffer = [_:0]u8{ 'z', 'i', 'g' };

pub fn numbersPtr() [*]u32 {
    return &numbers;
}

pub fn constNumbers() [*]const u32 {
    return &numbers;
}

pub fn second() [*]u32 {
    return numbers[1..].ptr;
}

pub fn pointsPtr() [*]Point {
    return &points;
}

pub fn cNumbers(yes: bool) [*c]u32 {
    return if (yes) &numbers else null;
}

pub fn name() [*:0]const u8 {
    return &name_buffer;
}

pub fn writableName() [*:0]u8 {
    return &name_buffer;
}

pub fn firstOf(p: [*]const u32) u32 {
    return p[0];
}

pub fn skipOne(p: [*]u32) [*]u32 {
    return p + 1;
}

pub fn total() u32 {
    var sum: u32 = 0;
    for (numbers) |n| sum += n;
    return sum;
}
