//! Functions that panic: safety checks and explicit panics, in scalar and
//! pointer calls.
pub fn addBytes(a: u8, b: u8) u8 {
    return a + b;
}

pub fn explode(code: u32) u32 {
    if (code != 0) @panic("explode was asked to");
    return 1;
}

pub fn writeThenIndex(bytes: []u8, index: usize) u8 {
    bytes[0] = 42;
    return bytes[index];
}

pub fn unwrapNull(value: ?u32) u32 {
    return value.?;
}
