//! A struct with a comptime field of every comptime-only kind, and one whose
//! fields are all comptime, with a constant of it.
pub const Point = struct { x: i32, y: i32 };

pub const Traits = struct {
    comptime Element: type = Point,
    comptime mode: @TypeOf(.enum_literal) = .compact,
    comptime small: comptime_int = 42,
    comptime huge: comptime_int = 1 << 70,
    comptime ratio: comptime_float = 1.5,
    comptime none: @TypeOf(null) = null,
    comptime unset: @TypeOf(undefined) = undefined,
    comptime Pair: [2]type = .{ u8, i8 },
    comptime Maybe: ?type = u16,
    count: u8 = 0,
};

pub const Fixed = struct {
    comptime Unit: type = u16,
    comptime mode: @TypeOf(.enum_literal) = .packed_mode,
    comptime width: comptime_int = 7,
};
pub const fixed = Fixed{};
