//! Vectors of pointers: a variable of two pointers into an array, a vector
//! of pointers passed and returned by value, and a vector of function
//! pointers JS calls through.
var numbers = [_]i32{ 10, 20, 30 };

pub var pair: @Vector(2, *i32) = .{ &numbers[0], &numbers[2] };

/// The sum of what both pointers of the variable point at.
pub fn pairSum() i32 {
    return pair[0].* + pair[1].*;
}

/// The sum of what both pointers JS passes point at.
pub fn sumOf(v: @Vector(2, *const i32)) i32 {
    return v[0].* + v[1].*;
}

/// Two names, as C strings.
pub fn names() @Vector(2, [*:0]const u8) {
    return .{ "left", "right" };
}

fn double(x: i32) i32 {
    return 2 * x;
}

fn negate(x: i32) i32 {
    return -x;
}

pub var operations: @Vector(2, *const fn (i32) i32) = .{ &double, &negate };
