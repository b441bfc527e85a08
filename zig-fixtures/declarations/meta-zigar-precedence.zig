//! Every `@"meta(zigar)"` hook answers yes for everything: each value reads
//! as the first transform, in Zigar's order (string, clampedArray,
//! typedArray, plain), that applies to its type; a number stays a number.
const std = @import("std");

pub const Everything = struct {
    clamped_array: [4]u8 = .{ 1, 2, 3, 4 },
    typed_array: [4]f64 = .{ 1, 2, 3, 4 },
    string: []const u8 = "Hello world",
    object: struct { number1: i32 = 0, number2: i32 = 0 } = .{},
    number: i64 = 123,
};

pub var everything: Everything = .{};
pub var bytes: [3]u8 = .{ 104, 105, 33 };
pub var words: [2]u32 = .{ 1, 2 };
pub var count: u32 = 5;

pub const @"meta(zigar)" = struct {
    pub fn isFieldString(comptime T: type, comptime field: std.meta.FieldEnum(T)) bool {
        return field != .clamped_array;
    }
    pub fn isFieldClampedArray(comptime T: type, comptime _: std.meta.FieldEnum(T)) bool {
        return true;
    }
    pub fn isFieldTypedArray(comptime T: type, comptime _: std.meta.FieldEnum(T)) bool {
        return true;
    }
    pub fn isFieldPlain(comptime T: type, comptime _: std.meta.FieldEnum(T)) bool {
        return true;
    }
    pub fn isDeclString(comptime T: type, comptime _: std.meta.DeclEnum(T)) bool {
        return true;
    }
    pub fn isDeclClampedArray(comptime T: type, comptime _: std.meta.DeclEnum(T)) bool {
        return true;
    }
    pub fn isDeclTypedArray(comptime T: type, comptime _: std.meta.DeclEnum(T)) bool {
        return true;
    }
    pub fn isDeclPlain(comptime T: type, comptime _: std.meta.DeclEnum(T)) bool {
        return true;
    }
};
