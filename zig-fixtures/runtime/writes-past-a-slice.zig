//! A function that writes one element past the end of the slice it was
//! given (through a many-item pointer, which has no bounds check): what the
//! guard after a call's copied arguments exists to catch.
pub fn writePastEnd(values: []u32) void {
    const many: [*]u32 = values.ptr;
    many[values.len] = 0xdeadbeef;
}

/// Writes only inside its slice, for comparison.
pub fn writeInside(values: []u32) void {
    for (values) |*v| v.* = 7;
}
