//! Vectors whose elements are not whole bytes, which Zig packs element
//! after element at their bit width (like vectors of bool): u3, i7 and u24
//! as parameters, results, variables, struct fields and array elements, and
//! f80, whose elements lie 80 bits apart.

pub const Triplet = @Vector(3, u3);

pub fn sum(v: Triplet) u32 {
    // Indexed as an array: Zig 0.16 and later index vectors only at comptime.
    const elements: [3]u3 = v;
    var n: u32 = 0;
    for (elements) |e| n += e;
    return n;
}

/// Each element plus one, wrapping at 8.
pub fn bump(v: Triplet) Triplet {
    return v +% @as(Triplet, @splat(1));
}

pub var signed: @Vector(5, i7) = .{ -60, 33, 1, -1, 5 };

pub fn signedAt(i: u32) i8 {
    const elements: [5]i7 = signed;
    return elements[i];
}

pub var wide: @Vector(2, u24) = .{ 0x112233, 0x445566 };

pub fn wideTotal() u32 {
    return @reduce(.Add, @as(@Vector(2, u32), wide));
}

pub var extended: @Vector(2, f80) = .{ 1.5, -0.25 };

pub fn extendedAt(i: u32) f64 {
    const elements: [2]f80 = extended;
    return @floatCast(elements[i]);
}

pub const Holder = struct { id: u8, small: Triplet = .{ 1, 2, 3 } };

pub fn smallOf(h: Holder) Triplet {
    return h.small;
}

pub var pairs: [2]@Vector(2, u3) = .{ .{ 5, 2 }, .{ 1, 7 } };

pub fn pairsTotal() u32 {
    var n: u32 = 0;
    for (pairs) |p| n += @reduce(.Add, @as(@Vector(2, u32), p));
    return n;
}
