//! Turns a Zig panic during a call from JS into a JS exception instead of
//! the end of the process. In a native library the host installs an escape
//! that unwinds to the point where it started the call (see
//! runtime/src/guard.c); without one, or on a thread the host is not calling
//! from, the default handler runs. In WebAssembly the message goes to the
//! host and a trap ends the call.
const std = @import("std");
const is_wasm = @import("builtin").target.cpu.arch.isWasm();

/// Never returns when the current thread is inside a guarded call; returns
/// when it is not, so the default handler can take over.
pub const Escape = *const fn (message: [*]const u8, len: usize) callconv(.c) void;

var escape = std.atomic.Value(?Escape).init(null);

pub fn setEscape(e: ?Escape) void {
    escape.store(e, .release);
}

/// In WebAssembly the host records the message; the trap then unwinds to it.
extern "zigport" fn panic(message: [*]const u8, len: usize) void;

fn handle(message: []const u8, first_trace_address: ?usize) noreturn {
    if (is_wasm) {
        panic(message.ptr, message.len);
        @trap();
    }
    if (escape.load(.acquire)) |e| e(message.ptr, message.len);
    std.debug.defaultPanic(message, first_trace_address);
}

pub const Handler = std.debug.FullPanic(handle);
