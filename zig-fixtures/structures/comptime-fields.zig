//! Structs with comptime fields: no bytes, a fixed value JS can read.
pub const Header = struct {
    comptime magic: u32 = 0xCAFE,
    comptime version: comptime_int = 3,
    length: u16,
};

pub fn lengthOf(h: Header) u16 {
    return h.length;
}
