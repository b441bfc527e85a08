//! `@"meta(zigar)"` declaration hooks: each declaration is marked by the
//! start of its name (text…, pixels…, numbers…, plain…), so the test can
//! tell which hook applies to which value. Unmarked look-alikes read as usual.
const std = @import("std");

pub var text_var: [5]u8 = "hello".*;
pub const text_sentinel: [5:0]u8 = "world".*;
pub const text_wide: [2]u16 = .{ 'h', 0x00e9 };
pub var text_wide_var: [3]u16 = .{ 'a', 'b', 'c' };
pub const text_list: [2][3]u8 = .{ "abc".*, "xyz".* };
pub const text_maybe: ?[3]u8 = null;
pub const unmarked_text: [5]u8 = "plain".*;

pub var pixels: [4]u8 = .{ 1, 2, 3, 255 };
pub var numbers: [3]i32 = .{ -1, 0, 7 };
pub const numbers_vector: @Vector(4, f32) = .{ 0.5, 1.5, 2.5, 3.5 };
pub const numbers_sizes: [2]usize = .{ 10, 20 };

pub const Point = struct {
    x: i32,
    y: i32,

    pub const plain_origin: Point = .{ .x = 0, .y = 0 };
    pub const text_label: [3]u8 = "o.k".*;
    pub const origin: Point = .{ .x = 0, .y = 0 };

    pub fn plainScaled(self: Point, by: i32) Point {
        return .{ .x = self.x * by, .y = self.y * by };
    }
};
pub const Pet = enum { cat, dog };

pub const plain_point: Point = .{ .x = 1, .y = 2 };
pub var plain_pet: Pet = .dog;

const names = [_][]const u8{ "ann", "bob" };
const wide: [3:0]u16 = .{ 'a', 'b', 'c' };

pub fn textGreeting() []const u8 {
    return "hi there";
}
pub fn textNames() []const []const u8 {
    return &names;
}
pub fn textTerminated() [*:0]const u8 {
    return "zero-ended";
}
pub fn wideUnitAt(i: usize) u16 {
    return text_wide_var[i];
}
pub fn textWide() []const u16 {
    return wide[0..];
}
pub fn textMaybe(give: bool) ?[]const u8 {
    return if (give) "some" else null;
}
pub fn textOrError(fail: bool) error{Refused}![]const u8 {
    return if (fail) error.Refused else "fine";
}
pub fn pixelsOf() [4]u8 {
    return .{ 0, 128, 200, 255 };
}
pub fn numbersOf() @Vector(3, i16) {
    return .{ -3, 0, 3 };
}
pub fn plainPoint() *const Point {
    return &plain_point;
}
pub fn plainPoints() []const Point {
    return &[_]Point{ .{ .x = 1, .y = 1 }, .{ .x = 2, .y = 2 } };
}
pub fn plainPet() Pet {
    return .cat;
}
pub fn unmarkedGreeting() []const u8 {
    return "hi there";
}
/// Marked as text, but a number: the hook is not asked and the value stays.
pub fn textCount() u32 {
    return 3;
}

pub const @"meta(zigar)" = struct {
    pub fn isDeclString(comptime T: type, comptime decl: std.meta.DeclEnum(T)) bool {
        return startsWith(@tagName(decl), "text");
    }
    pub fn isDeclClampedArray(comptime T: type, comptime decl: std.meta.DeclEnum(T)) bool {
        return startsWith(@tagName(decl), "pixels");
    }
    pub fn isDeclTypedArray(comptime T: type, comptime decl: std.meta.DeclEnum(T)) bool {
        return startsWith(@tagName(decl), "numbers");
    }
    pub fn isDeclPlain(comptime T: type, comptime decl: std.meta.DeclEnum(T)) bool {
        return startsWith(@tagName(decl), "plain");
    }
};

fn startsWith(comptime name: []const u8, comptime prefix: []const u8) bool {
    return std.mem.startsWith(u8, name, prefix);
}
