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
