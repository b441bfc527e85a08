//! Structs with comptime fields: no bytes, a fixed value JS can read.
pub const Header = struct {
    comptime magic: u32 = 0xCAFE,
    comptime version: comptime_int = 3,
    length: u16,
};

pub fn lengthOf(h: Header) u16 {
    return h.length;
}

/// Comptime fields of comptime-only values: a type, an enum literal, null.
pub const Traits = struct {
    comptime Element: type = u16,
    comptime Shape: type = Header,
    comptime style: @TypeOf(.enum_literal) = .compact,
    comptime nothing: @TypeOf(null) = null,
    count: u8 = 0,
};

/// Comptime fields whose values JS reads where Zig keeps them: a pointer to
/// a variable (read live), a string, a union, and a stored error.
pub var hits: u32 = 0;

pub const Number = extern union { int: i32, float: f32 };
pub const Setting = union(enum) { on: u8, off };

pub const Counter = struct {
    comptime count: *u32 = &hits,
    comptime label: []const u8 = "hits",
    comptime zero: Number = .{ .int = 0 },
    comptime mode: Setting = .{ .on = 3 },
    comptime last_error: anyerror!u8 = error.NeverRan,
    step: u32 = 1,
};

pub fn hit(c: Counter) void {
    c.count.* += c.step;
}
