//! Functions whose one pointer parameter is a plain slice or a pointer to a
//! struct: the shapes the runtime passes without records or planning when
//! the memory allows, and through the general path when it does not.
pub const P = extern struct { x: f64, y: f64 };

/// A struct holding a P after a smaller field, so that `q.inner` views
/// memory at an offset of its parent's.
pub const Q = extern struct { n: u32, inner: P };

pub const unit: P = .{ .x = 1, .y = 1 };

pub fn firstOf(bytes: []const u8) u8 {
    return if (bytes.len > 0) bytes[0] else 0;
}

pub fn fillBytes(bytes: []u8, value: u8) void {
    @memset(bytes, value);
}

pub fn sumU32(values: []const u32) u64 {
    var total: u64 = 0;
    for (values) |v| total += v;
    return total;
}

pub fn maybeLen(bytes: ?[]const u8) usize {
    return if (bytes) |b| b.len else 0;
}

pub fn sumP(p: *const P) f64 {
    return p.x + p.y;
}

pub fn scaleP(p: *P, k: f64) void {
    p.x *= k;
    p.y *= k;
}
