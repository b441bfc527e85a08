//! Vectors of bools, which Zig packs one element to a bit: as parameters,
//! results, variables and struct fields.
pub const Mask = @Vector(10, bool);

pub fn countTrue(m: Mask) u32 {
    // Indexed as an array: Zig 0.16 and later index vectors only at comptime.
    const elements: [10]bool = m;
    var n: u32 = 0;
    for (elements) |e| n += @intFromBool(e);
    return n;
}

pub fn invert(m: Mask) Mask {
    return !m;
}

pub var flags: @Vector(4, bool) = .{ true, false, false, true };

pub fn flagAt(i: u32) bool {
    const elements: [4]bool = flags;
    return elements[i];
}

pub const Holder = struct { id: u8, mask: @Vector(3, bool) = .{ false, true, false } };

pub fn maskOf(h: Holder) @Vector(3, bool) {
    return h.mask;
}
