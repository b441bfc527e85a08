//! The `zig_builtins` module for Zig 0.15: types made by reflection, through
//! `@Type`. Zig 0.16 replaced `@Type` with one builtin per kind, so the other
//! lines use zig-0.16.zig; the compiler driver passes the file that matches
//! the Zig it runs (js/internal/compiler/). Both files offer the same names.
const std = @import("std");

/// A struct of automatic layout with fields `names[i]: types[i]`.
pub fn Struct(comptime names: []const [:0]const u8, comptime types: []const type) type {
    var fields: [names.len]std.builtin.Type.StructField = undefined;
    for (names, types, &fields) |name, T, *f| f.* = .{
        .name = name,
        .type = T,
        .default_value_ptr = null,
        .is_comptime = false,
        .alignment = @alignOf(T),
    };
    return @Type(.{ .@"struct" = .{ .layout = .auto, .fields = &fields, .decls = &.{}, .is_tuple = false } });
}

/// The integer type of `bits` bits and the given signedness.
pub fn Int(comptime signedness: std.builtin.Signedness, comptime bits: u16) type {
    return std.meta.Int(signedness, bits);
}

/// A tuple of fields of `types`.
pub fn Tuple(comptime types: []const type) type {
    return std.meta.Tuple(types);
}
