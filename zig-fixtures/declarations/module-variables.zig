//! `pub var` scalars that JS reads and writes in place through the default export, with Zig getters and setters to check both directions.

pub var counter: u32 = 7;
pub var small: i8 = -5;
pub var wide: i64 = -(1 << 40);
pub var huge: u128 = 1 << 100;
pub var size: usize = 10;
pub var ratio: f64 = 0.5;
pub var half: f16 = 1.5;
pub var precise: f128 = 0.25;
pub var enabled: bool = true;
pub var odd: u7 = 3;

pub fn getCounter() u32 {
    return counter;
}

pub fn setCounter(value: u32) void {
    counter = value;
}

pub fn getSmall() i8 {
    return small;
}

pub fn getWide() i64 {
    return wide;
}

pub fn getHuge() u128 {
    return huge;
}

pub fn setHuge(value: u128) void {
    huge = value;
}

pub fn getRatio() f64 {
    return ratio;
}

pub fn getHalf() f16 {
    return half;
}

/// Whether Zig sees `precise` as exactly `value` in f128 (a JS double widened).
pub fn preciseIs(value: f128) bool {
    return precise == value;
}

/// Adds a third in f128, which JS can only see rounded.
pub fn addThirdToPrecise() void {
    precise += 1.0 / 3.0;
}

pub fn isEnabled() bool {
    return enabled;
}

pub fn getOdd() u7 {
    return odd;
}

/// Lets JS see that the increment happened in Zig's copy.
pub fn bumpCounter() u32 {
    counter +%= 1;
    return counter;
}
