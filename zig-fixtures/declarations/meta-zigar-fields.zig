//! `@"meta(zigar)"` field hooks: fields of `Record` are marked by the start
//! of their name; those of `Other` are not marked at all.
const std = @import("std");

pub const Inner = struct { a: i32, b: bool };

pub const Record = struct {
    text_name: []const u8,
    text_code: [4]u8,
    text_maybe: ?[]const u8,
    pixels: [3]u8,
    numbers: [2]f64,
    plain_inner: Inner,
    plain_pet: enum { cat, dog },
    /// Marked as text, but a number: the hook is not asked.
    text_count: u32,
    comptime text_fixed: [2]u8 = "ok".*,
};

pub const Other = struct {
    text_name: [3]u8,
};

pub const Shape = union(enum) {
    text_tag: [3]u8,
    plain_box: Inner,
};

pub const Packed = packed struct {
    plain_pet: enum(u2) { cat, dog },
    flag: bool,
};

pub var record: Record = .{
    .text_name = "ada",
    .text_code = "ZX81".*,
    .text_maybe = null,
    .pixels = .{ 1, 2, 3 },
    .numbers = .{ 0.25, 0.5 },
    .plain_inner = .{ .a = 7, .b = true },
    .plain_pet = .dog,
    .text_count = 3,
};
pub var other: Other = .{ .text_name = "abc".* };
pub var shape: Shape = .{ .text_tag = "tri".* };
pub var flags: Packed = .{ .plain_pet = .dog, .flag = true };

pub fn makeRecord() Record {
    return record;
}

pub const @"meta(zigar)" = struct {
    pub fn isFieldString(comptime T: type, comptime field: std.meta.FieldEnum(T)) bool {
        return T != Other and startsWith(@tagName(field), "text");
    }
    pub fn isFieldClampedArray(comptime T: type, comptime field: std.meta.FieldEnum(T)) bool {
        return startsWith(@tagName(field), "pixels");
    }
    pub fn isFieldTypedArray(comptime T: type, comptime field: std.meta.FieldEnum(T)) bool {
        return startsWith(@tagName(field), "numbers");
    }
    pub fn isFieldPlain(comptime T: type, comptime field: std.meta.FieldEnum(T)) bool {
        return startsWith(@tagName(field), "plain");
    }
};

fn startsWith(comptime name: []const u8, comptime prefix: []const u8) bool {
    return std.mem.startsWith(u8, name, prefix);
}
