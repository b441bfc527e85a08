//! Error return traces of calls from JS. In a native library built with
//! runtime safety (Debug, ReleaseSafe), a thunk whose function returned an
//! error keeps that call's `@errorReturnTrace()` (code addresses) for this
//! thread; the host takes it when it throws the error, and asks for the
//! function and source line of each address only when a stack is shown.
//! WebAssembly has no return addresses (every entry Zig records there is
//! 0), and ReleaseFast/ReleaseSmall keep no trace, so there this is empty.
const std = @import("std");
const builtin = @import("builtin");
const compat = @import("compat.zig");

/// Debug or ReleaseSafe (the names of the optimize modes differ between Zig
/// versions; the descriptor's `runtime_safety` is this same flag).
pub const enabled = !builtin.target.cpu.arch.isWasm() and std.debug.runtime_safety;

/// Frames kept per trace; Zig's own trace holds 32.
const max_frames = 32;

/// The last trace a thunk on this thread kept, and the error it is for.
threadlocal var last: struct {
    code: u32 = 0,
    len: usize = 0,
    addresses: [max_frames]usize = undefined,
} = .{};

/// Keeps the error return trace of a call whose result is `result` (any
/// error union), or forgets the last one when the call succeeded, so a
/// trace is never taken for a later error it does not belong to. Must run in
/// the function that called the one returning `result`, before the error is
/// handled there.
pub inline fn keep(result: anytype) void {
    if (!enabled) return;
    if (result) |_| {
        last.len = 0;
    } else |err| {
        const trace = @errorReturnTrace() orelse return;
        const len = @min(trace.index, trace.instruction_addresses.len, max_frames);
        @memcpy(last.addresses[0..len], trace.instruction_addresses[0..len]);
        last.len = len;
        last.code = @intFromError(err);
    }
}

/// Copies the trace kept for error `code` (innermost frame first) into
/// `out` and forgets it; returns how many addresses it copied.
pub fn take(code: u32, out: []usize) usize {
    if (last.code != code) return 0;
    const len = @min(last.len, out.len);
    @memcpy(out[0..len], last.addresses[0..len]);
    last.len = 0;
    return len;
}

/// "function\tfile\tline\tcolumn" for a return address from a trace, or
/// null. A return address is the instruction after the call: one byte back
/// is inside the call, on the line that made it.
pub fn describe(return_address: usize, out: []u8) ?[]const u8 {
    if (return_address == 0) return null;
    return compat.describeAddress(return_address - 1, out);
}
