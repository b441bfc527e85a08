//! Optional scalars (`?T`, `??T`) as parameters and results: null in JS is Zig's null.

/// null for 0, otherwise the number back.
pub fn nonZeroI32(x: i32) ?i32 {
    return if (x == 0) null else x;
}

pub fn nonZeroU64(x: u64) ?u64 {
    return if (x == 0) null else x;
}

pub fn nonZeroF64(x: f64) ?f64 {
    return if (x == 0) null else x;
}

pub fn trueOrNull(x: bool) ?bool {
    return if (x) true else null;
}

pub fn alwaysNull() ?u8 {
    return null;
}

/// -1 when Zig received null.
pub fn orMinusOne(x: ?i32) i32 {
    return x orelse -1;
}

pub fn isNull(x: ?u128) bool {
    return x == null;
}

/// An optional parameter passed straight back.
pub fn echoOptionalF32(x: ?f32) ?f32 {
    return x;
}

/// 0: outer null, 1: inner null, otherwise `5`.
pub fn nested(which: u8) ??i32 {
    return switch (which) {
        0 => null,
        1 => @as(?i32, null),
        else => 5,
    };
}

/// 0 when Zig received an outer null, 1 an inner null, 2 a value.
pub fn nestedLevel(x: ??i32) u8 {
    const inner = x orelse return 0;
    _ = inner orelse return 1;
    return 2;
}

pub fn nestedValue(x: ??i32) i32 {
    return (x orelse return -1) orelse -2;
}
