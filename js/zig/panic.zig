//! Turns a Zig panic during a call from JS into a JS exception instead of
//! the end of the process. The host installs an escape that unwinds to the
//! point where it started the call (see runtime/src/guard.c); without one,
//! or on a thread the host is not calling from, the default handler runs.
const std = @import("std");

/// Never returns when the current thread is inside a guarded call; returns
/// when it is not, so the default handler can take over.
pub const Escape = *const fn (message: [*]const u8, len: usize) callconv(.c) void;

var escape = std.atomic.Value(?Escape).init(null);

pub fn setEscape(e: ?Escape) void {
    escape.store(e, .release);
}

fn handle(message: []const u8, first_trace_address: ?usize) noreturn {
    if (escape.load(.acquire)) |e| e(message.ptr, message.len);
    std.debug.defaultPanic(message, first_trace_address);
}

pub const Handler = std.debug.FullPanic(handle);
