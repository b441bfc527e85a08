//! Comptime values inside comptime values: tuples in tuples, arrays and
//! struct literals in tuples, every scalar kind in one tuple and one
//! struct literal, a value of a struct type that holds types, and
//! constants declared inside a struct.
pub const scalars = .{ u8, .fast, 42, 1 << 70, 1.5, null, undefined };
pub const named = .{ .Int = u8, .mode = .fast, .small = 42, .huge = 1 << 70, .ratio = 1.5, .none = null, .unset = undefined };
pub const nested = .{ .{ u8, .inner }, 1, .{ .pair = .{ 2, null } } };
pub const with_array = .{ [_]type{ u8, i8 }, .last };

pub const Codec = struct { Unit: type, width: comptime_int };
pub const codec: Codec = .{ .Unit = u16, .width = 3 };

pub const Registry = struct {
    pub const kinds = [_]type{ i8, i16 };
    pub const default_mode = .strict;
};
