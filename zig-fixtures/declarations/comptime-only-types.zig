//! Declarations of comptime-only types: classes with no instances that
//! still carry their declarations, and type values naming them.
pub const Count = comptime_int;
pub const Literal = @TypeOf(.enum_literal);

pub const Codec = struct {
    Unit: type,
    width: comptime_int,

    pub const byte: Codec = .{ .Unit = u8, .width = 1 };

    pub fn version() i32 {
        return 2;
    }
};

pub const kinds = [_]type{ Codec, comptime_int };
