//! The `zig_builtins` module for Zig 0.16 and later: types made by
//! reflection, through the per-kind builtins (`@Struct`, `@Int`) that
//! replaced `@Type`. See zig-0.15.zig for the earlier line; both files offer
//! the same names.
const std = @import("std");

/// A struct of automatic layout with fields `names[i]: types[i]`.
pub fn Struct(comptime names: []const [:0]const u8, comptime types: []const type) type {
    // 0.16 wants arrays of one length: comptime bounds make them so.
    return @Struct(.auto, null, names, types[0..names.len], &@splat(.{}));
}

/// The integer type of `bits` bits and the given signedness.
pub fn Int(comptime signedness: std.builtin.Signedness, comptime bits: u16) type {
    return @Int(signedness, bits);
}

/// A tuple of fields of `types`.
pub fn Tuple(comptime types: []const type) type {
    return @Tuple(types);
}
