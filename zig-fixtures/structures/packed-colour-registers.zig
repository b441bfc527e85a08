//! Packed structs whose fields are more than bools and integers: a colour
//! word holding floats and nested packed structs, a sensor reading whose
//! float and nested status lie between bytes, and a wide record with u128,
//! f80, f128 and void fields.

/// Which hue a colour leans to, and how strongly: one byte.
pub const Tint = packed struct { hue: u4, strong: bool, spare: u3 = 0 };

/// A level of 0..63 and whether it clipped: seven bits.
pub const Level = packed struct { value: u6, clipped: bool };

/// A colour as a display register holds it.
pub const Colour = packed struct(u64) {
    alpha: f16,
    tint: Tint,
    level: Level,
    lit: bool,
    exposure: f32,
};

pub var current: Colour = .{
    .alpha = 0.5,
    .tint = .{ .hue = 9, .strong = true },
    .level = .{ .value = 40, .clipped = false },
    .lit = true,
    .exposure = -1.25,
};

/// Zig changes the variable, so JS can see that its fields are live.
pub fn dim(by: f32) void {
    current.exposure -= by;
    current.alpha /= 2;
    current.level.value -%= 1;
}

/// Brighter by `by`, lit, with the level's clip flag set when it overflows.
pub fn brighten(c: Colour, by: f32) Colour {
    var out = c;
    out.exposure += by;
    out.lit = true;
    out.level.clipped = out.exposure > 4;
    return out;
}

/// The colour's fields as Zig reads them: whether JS wrote its bits where Zig expects them.
pub fn describe(c: Colour) f64 {
    return @as(f64, c.alpha) * 1000 + @as(f64, @floatFromInt(c.tint.hue)) * 100 + @as(f64, @floatFromInt(c.level.value)) +
        @as(f64, c.exposure) / 16;
}

/// A sensor reading: its value (an f16) and status start between bytes.
pub const Reading = packed struct(u32) {
    valid: bool,
    value: f16,
    status: Level,
    channel: u8,
};

pub var last_reading: Reading = .{ .valid = true, .value = -3.5, .status = .{ .value = 7, .clipped = true }, .channel = 200 };

pub fn readingValue() f16 {
    return last_reading.value;
}

pub fn readingStatus() u8 {
    return @as(u8, last_reading.status.value) + @as(u8, @intFromBool(last_reading.status.clipped)) * 100;
}

/// A wide record: a 337-bit backing integer, with floats Zig widens (f80)
/// or that JS rounds (f128), and a field of no bits.
pub const Wide = packed struct {
    big: u128,
    precise: f80,
    nothing: void = {},
    flag: bool,
    quad: f128,
};

pub var wide: Wide = .{ .big = (1 << 127) + 5, .precise = 2.75, .flag = true, .quad = -0.125 };

pub fn wideSum(w: Wide) f64 {
    return @as(f64, @floatFromInt(w.big % 1000)) + @as(f64, @floatCast(w.precise)) + @as(f64, @floatCast(w.quad)) +
        @as(f64, @floatFromInt(@intFromBool(w.flag)));
}
