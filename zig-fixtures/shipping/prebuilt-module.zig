//! A module built ahead of time with `zigport build`.
pub fn add(a: i32, b: i32) i32 {
    return a + b;
}

pub fn countZeros(bytes: []const u8) usize {
    var n: usize = 0;
    for (bytes) |b| n += @intFromBool(b == 0);
    return n;
}
