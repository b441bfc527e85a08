//! Unions holding comptime-only values: a tagged one reads as its active
//! field; Zig does not say which field of a bare one is active.
pub const Choice = union(enum) { Kind: type, count: comptime_int, mode: @TypeOf(.enum_literal) };
pub const chosen_type: Choice = .{ .Kind = u32 };
pub const chosen_count: Choice = .{ .count = 1 << 60 };
pub const choices = [_]Choice{ .{ .mode = .fast }, .{ .count = 2 } };

pub const Bare = union { Kind: type, count: comptime_int };
pub const bare: Bare = .{ .Kind = u8 };
