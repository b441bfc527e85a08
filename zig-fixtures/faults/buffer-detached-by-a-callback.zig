//! Zig writing into JS memory after a JS function it called has returned:
//! that function may have detached (transferred) the memory's buffer.

/// One slice: the fast path for a single buffer.
pub fn fillAround(s: []u8, value: u8, f: *const fn () void) void {
    @memset(s[0 .. s.len / 2], value);
    f();
    @memset(s[s.len / 2 ..], value);
}

/// Two slices: the general path for pointer arguments.
pub fn fillBoth(a: []u8, b: []u8, value: u8, f: *const fn () void) void {
    @memset(a, value);
    f();
    @memset(b, value);
}
