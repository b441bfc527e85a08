//! The little type reflection the `zigar` module needs, the same on every
//! Zig zigport supports (0.17 lists a function's parameters as an array of
//! types; earlier lines as parameter records).
const std = @import("std");
const builtin = @import("builtin");

const parallel_arrays = builtin.zig_version.order(.{ .major = 0, .minor = 17, .patch = 0 }) != .lt;

/// The function type of `f`: a function, a pointer to one, or a function type.
pub fn FunctionType(comptime f: anytype) type {
    const T = if (@TypeOf(f) == type) f else @TypeOf(f);
    return switch (@typeInfo(T)) {
        .@"fn" => T,
        .pointer => |p| if (@typeInfo(p.child) == .@"fn") p.child else @compileError("not a function: " ++ @typeName(T)),
        else => @compileError("not a function: " ++ @typeName(T)),
    };
}

/// The parameter types of function type `F` (null for `anytype`).
pub fn paramTypes(comptime F: type) []const ?type {
    const f = @typeInfo(F).@"fn";
    if (parallel_arrays) return f.param_types;
    comptime var list: []const ?type = &.{};
    inline for (f.params) |p| list = list ++ [_]?type{p.type};
    return list;
}

/// How many fields struct (or tuple) type `T` has.
pub fn fieldCount(comptime T: type) usize {
    const s = @typeInfo(T).@"struct";
    return if (parallel_arrays) s.field_names.len else s.fields.len;
}

pub fn returnType(comptime F: type) type {
    return @typeInfo(F).@"fn".return_type.?;
}

/// `T` with any error union widened to `anyerror`.
pub fn Any(comptime T: type) type {
    return switch (@typeInfo(T)) {
        .error_union => |e| anyerror!e.payload,
        else => T,
    };
}

/// Whether `T` is the type `next()` of an iterator returns: `?X` or `E!?X`.
pub fn isIteratorResult(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .optional => true,
        .error_union => |e| @typeInfo(e.payload) == .optional,
        else => false,
    };
}

/// What `next()` of iterator type `I` (or of what `I` points at) returns,
/// and whether it takes an allocator; null when `I` is no iterator.
pub fn iteratorNext(comptime I: type) ?struct { result: type, allocating: bool } {
    const T = switch (@typeInfo(I)) {
        .error_union => |e| e.payload,
        else => I,
    };
    const C = switch (@typeInfo(T)) {
        .pointer => |p| p.child,
        else => T,
    };
    switch (@typeInfo(C)) {
        .@"struct", .@"union", .@"opaque" => {},
        else => return null,
    }
    if (!@hasDecl(C, "next")) return null;
    const F = @TypeOf(C.next);
    if (@typeInfo(F) != .@"fn") return null;
    const R = returnType(F);
    if (!isIteratorResult(R)) return null;
    const params = paramTypes(F);
    const allocating = params.len > 1 and params[1] == std.mem.Allocator;
    return .{ .result = R, .allocating = allocating };
}
