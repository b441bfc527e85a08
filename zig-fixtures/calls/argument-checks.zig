//! Functions of zero, one and two parameters, with and without results, that count their calls so JS can tell whether Zig ran.

/// How many times any function below ran.
pub var calls: u32 = 0;

/// The last value `record` received.
pub var last: i32 = 0;

pub fn noArguments() void {
    calls += 1;
}

pub fn answer() u8 {
    calls += 1;
    return 42;
}

pub fn record(value: i32) void {
    calls += 1;
    last = value;
}

pub fn add(a: i32, b: i32) i32 {
    calls += 1;
    return a +% b;
}

pub fn scaled(value: u16, factor: f64) f64 {
    calls += 1;
    return @as(f64, @floatFromInt(value)) * factor;
}
