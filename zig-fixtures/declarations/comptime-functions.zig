//! Functions held in comptime values: a tuple and a struct literal of public
//! functions, a private function only a tuple holds, one zigport cannot
//! call, and comptime fields holding a public and a private function.
pub fn add(a: i32, b: i32) i32 {
    return a + b;
}

pub fn sub(a: i32, b: i32) i32 {
    return a - b;
}

fn triple(a: i32) i32 {
    return a * 3;
}

fn identity(x: anytype) @TypeOf(x) {
    return x;
}

pub const ops = .{ add, sub };
pub const by_name = .{ .add = add, .sub = sub };
pub const private_ops = .{triple};
pub const mixed_ops = .{ identity, add };

pub const Calculator = struct {
    comptime combine: @TypeOf(add) = add,
    base: i32 = 0,
};

fn halve(a: i32) i32 {
    return @divTrunc(a, 2);
}

pub const Scaler = struct {
    comptime scale: @TypeOf(halve) = halve,
    comptime again: @TypeOf(triple) = triple,
};
