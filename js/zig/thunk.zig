//! One thunk per exported function: `fn (frame: *anyopaque) callconv(.c) void`.
//! The frame is an `ArgFrame(f)` the host filled with the arguments; the thunk
//! calls `f` and stores the result in the same frame.
const std = @import("std");
const wire = @import("wire.zig");
const compat = @import("compat.zig");
const zig_builtins = @import("zig_builtins");

pub const Thunk = *const fn (frame: *anyopaque) callconv(.c) void;

fn fieldName(comptime i: usize) [:0]const u8 {
    return std.fmt.comptimePrint("{d}", .{i});
}

/// The frame of a call to a function of type `F`: parameters as fields
/// "0".."n-1", the result as "retval", all in boundary representation.
pub fn ArgFrame(comptime F: type) type {
    const info = compat.fnInfo(F);
    const n = info.params.len;
    var names: [n + 1][:0]const u8 = undefined;
    var types: [n + 1]type = undefined;
    for (info.params, 0..) |P, i| {
        names[i] = fieldName(i);
        types[i] = wire.Wire(P.?);
    }
    names[n] = "retval";
    types[n] = wire.Wire(info.return_type.?);
    return zig_builtins.Struct(&names, &types);
}

/// Byte offset of parameter `i` (or of the result, for `i == params.len`).
pub fn frameOffset(comptime F: type, comptime i: usize) usize {
    const n = compat.fnInfo(F).params.len;
    return @offsetOf(ArgFrame(F), if (i == n) "retval" else fieldName(i));
}

/// Builds the thunk for function `f`.
pub fn thunkFor(comptime f: anytype) Thunk {
    const F = @TypeOf(f);
    const info = comptime compat.fnInfo(F);
    const Frame = ArgFrame(F);
    return &struct {
        fn call(raw: *anyopaque) callconv(.c) void {
            const frame: *Frame = @ptrCast(@alignCast(raw));
            var args: std.meta.ArgsTuple(F) = undefined;
            inline for (info.params, 0..) |P, i| {
                args[i] = wire.fromWire(P.?, @field(frame, fieldName(i)));
            }
            const result = @call(.auto, f, args);
            inline for (info.params, 0..) |P, i| wire.release(P.?, args[i]);
            frame.retval = wire.toWire(info.return_type.?, result);
        }
    }.call;
}
