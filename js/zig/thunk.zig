//! One thunk per exported function: `fn (frame: *anyopaque) callconv(.c) void`.
//! The frame is an `ArgFrame(f)` the host filled with the arguments; the thunk
//! calls `f` and stores the result in the same frame.
const std = @import("std");
const wire = @import("wire.zig");

pub const Thunk = *const fn (frame: *anyopaque) callconv(.c) void;

fn fieldName(comptime i: usize) [:0]const u8 {
    return std.fmt.comptimePrint("{d}", .{i});
}

/// The frame of a call to a function of type `F`: parameters as fields
/// "0".."n-1", the result as "retval", all in boundary representation.
pub fn ArgFrame(comptime F: type) type {
    const info = @typeInfo(F).@"fn";
    var fields: [info.params.len + 1]std.builtin.Type.StructField = undefined;
    for (info.params, 0..) |p, i| fields[i] = field(fieldName(i), wire.Wire(p.type.?));
    fields[info.params.len] = field("retval", wire.Wire(info.return_type.?));
    return @Type(.{ .@"struct" = .{
        .layout = .auto,
        .fields = &fields,
        .decls = &.{},
        .is_tuple = false,
    } });
}

fn field(comptime name: [:0]const u8, comptime T: type) std.builtin.Type.StructField {
    return .{
        .name = name,
        .type = T,
        .default_value_ptr = null,
        .is_comptime = false,
        .alignment = @alignOf(T),
    };
}

/// Byte offset of parameter `i` (or of the result, for `i == params.len`).
pub fn frameOffset(comptime F: type, comptime i: usize) usize {
    const n = @typeInfo(F).@"fn".params.len;
    return @offsetOf(ArgFrame(F), if (i == n) "retval" else fieldName(i));
}

/// Builds the thunk for function `f`.
pub fn thunkFor(comptime f: anytype) Thunk {
    const F = @TypeOf(f);
    const info = @typeInfo(F).@"fn";
    const Frame = ArgFrame(F);
    return &struct {
        fn call(raw: *anyopaque) callconv(.c) void {
            const frame: *Frame = @ptrCast(@alignCast(raw));
            var args: std.meta.ArgsTuple(F) = undefined;
            inline for (info.params, 0..) |p, i| {
                args[i] = wire.fromWire(p.type.?, @field(frame, fieldName(i)));
            }
            const result = @call(.auto, f, args);
            inline for (info.params, 0..) |p, i| wire.release(p.type.?, args[i]);
            frame.retval = wire.toWire(info.return_type.?, result);
        }
    }.call;
}
