//! A module whose tests abandon it: variables of several kinds, a function,
//! a method, a function pointer and an accessor, each of which must stop
//! reaching Zig once `__zigar.abandon()` has run.
pub const Counter = struct {
    count: i32,

    pub fn bump(self: *Counter) void {
        self.count += 1;
    }
};

pub var total: i32 = 5;
pub var counter: Counter = .{ .count = 10 };
pub var ratios: [3]f64 = .{ 0.5, 1.5, 2.5 };

fn double(x: i32) i32 {
    return x * 2;
}

pub var operation: *const fn (i32) i32 = &double;

pub fn addToTotal(n: i32) i32 {
    total += n;
    return total;
}

pub fn @"get doubledTotal"() i32 {
    return total * 2;
}

pub var greeting: []const u8 = "hello";
