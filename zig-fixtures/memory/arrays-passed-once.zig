//! A function taking a slice, in a module that never calls JS back: the
//! shape whose calls note where each typed array's memory is.
pub fn sum(bytes: []const u8) u32 {
    var total: u32 = 0;
    for (bytes) |b| total +%= b;
    return total;
}
