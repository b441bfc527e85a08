//! One thunk per exported function: `fn (frame: *anyopaque) callconv(.c) void`.
//! The frame is an `ArgFrame(f)` the host filled with the arguments; the thunk
//! calls `f` and stores the result in the same frame.
const std = @import("std");
const wire = @import("wire.zig");
const compat = @import("compat.zig");
const returned = @import("returned.zig");
const error_trace = @import("error_trace.zig");
const zig_builtins = @import("zig_builtins");

pub const Thunk = *const fn (frame: *anyopaque) callconv(.c) void;

fn fieldName(comptime i: usize) [:0]const u8 {
    return std.fmt.comptimePrint("{d}", .{i});
}

/// The frame of a call to a function of type `F`: parameters as fields
/// "0".."n-1", the result as "retval", all in boundary representation.
pub fn ArgFrame(comptime F: type) type {
    return FrameOf(F, &.{});
}

/// The frame of a call through a pointer to a function of type `F`: an
/// `ArgFrame(F)` that also holds the function's address, as "callee".
pub fn CallerFrame(comptime F: type) type {
    return FrameOf(F, &.{.{ "callee", usize }});
}

pub fn FrameOf(comptime F: type, comptime extra: []const struct { [:0]const u8, type }) type {
    const info = compat.fnInfo(F);
    const n = info.params.len;
    var names: [n + 1 + extra.len][:0]const u8 = undefined;
    var types: [n + 1 + extra.len]type = undefined;
    for (info.params, 0..) |P, i| {
        names[i] = fieldName(i);
        types[i] = wire.Wire(P.?);
    }
    for (extra, n..) |e, i| {
        names[i] = e[0];
        types[i] = e[1];
    }
    names[n + extra.len] = "retval";
    types[n + extra.len] = wire.Wire(returned.Returned(info.return_type.?));
    return zig_builtins.Struct(&names, &types);
}

/// Byte offset within `Frame` (a frame of `F`) of parameter `i`, or of the
/// result for `i == params.len`.
pub fn frameOffset(comptime Frame: type, comptime F: type, comptime i: usize) usize {
    const n = compat.fnInfo(F).params.len;
    return @offsetOf(Frame, if (i == n) "retval" else fieldName(i));
}

/// Builds the thunk for function `f`.
pub fn thunkFor(comptime f: anytype) Thunk {
    const F = @TypeOf(f);
    const Frame = ArgFrame(F);
    return &struct {
        fn call(raw: *anyopaque) callconv(.c) void {
            const frame: *Frame = @ptrCast(@alignCast(raw));
            callInFrame(F, f, frame);
        }
    }.call;
}

/// Builds the thunk that calls, with the arguments in a `CallerFrame(F)`,
/// the function of type `F` at the frame's `callee` address.
pub fn callerThunkFor(comptime F: type) Thunk {
    const Frame = CallerFrame(F);
    return &struct {
        fn call(raw: *anyopaque) callconv(.c) void {
            const frame: *Frame = @ptrCast(@alignCast(raw));
            const f: *const F = @ptrFromInt(frame.callee);
            callInFrame(F, f, frame);
        }
    }.call;
}

/// Calls `f` (a function of type `F`, or a pointer to one) with the
/// arguments in `frame` and stores its result there.
inline fn callInFrame(comptime F: type, f: anytype, frame: anytype) void {
    const info = comptime compat.fnInfo(F);
    var args: std.meta.ArgsTuple(F) = undefined;
    inline for (info.params, 0..) |P, i| {
        args[i] = wire.fromWire(P.?, @field(frame, fieldName(i)));
    }
    const R = info.return_type.?;
    // A plain call leaves no frame of zigport's own in the error's trace.
    const result = if (comptime returned.Returned(R) == R) @call(.auto, f, args) else callReturning(R, f, args);
    // Before the error is handled below, which may pop the trace.
    if (comptime @typeInfo(R) == .error_union) error_trace.keep(result);
    inline for (info.params, 0..) |P, i| wire.release(P.?, args[i]);
    frame.retval = wire.toWire(returned.Returned(R), result);
}

/// Calls `f` (returning `R`, which never returns a value) with `args`, its
/// result as `returned.Returned(R)`. Not inline: the call's type is then
/// that, not `noreturn`, and the thunk's code after it stays reachable.
fn callReturning(comptime R: type, f: anytype, args: anytype) returned.Returned(R) {
    if (R == noreturn) {
        @call(.auto, f, args);
    } else if (returned.Returned(R) != R) {
        @call(.auto, f, args) catch |err| return err;
    } else {
        return @call(.auto, f, args);
    }
}
