//! Turns a Zig panic during a call from JS into a JS exception instead of
//! the end of the process. In a native library the host installs an escape
//! that unwinds to the point where it started the call (see
//! runtime/src/guard.c). A panic no call from JS can take (on a thread Zig
//! started, or on the JS thread of a module built without runtime safety,
//! whose calls are not guarded) ends the process cleanly: the message and
//! the stack go to stderr, and the status is `fault_status`. Without a host,
//! Zig's default handler runs. In WebAssembly the message goes to the host
//! and a trap ends the call.
const std = @import("std");
const is_wasm = @import("builtin").target.cpu.arch.isWasm();
const compat = @import("compat.zig");
const console = @import("console.zig");

/// The status of a process ended by a fault in Zig (EX_SOFTWARE, "internal
/// software error"); runtime/src/guard.c uses the same one.
pub const fault_status = 70;

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
    if (escape.load(.acquire)) |e| {
        e(message.ptr, message.len);
        endProcess(message, first_trace_address);
    }
    std.debug.defaultPanic(message, first_trace_address);
}

/// Set by the first thread that ends the process, so that a panic while
/// reporting one (or on another thread meanwhile) does not report again.
var ending = std.atomic.Value(bool).init(false);

/// Ends the process after a panic that no call from JS can receive. Going
/// on would leave the panicking thread's work half done: a promise it was to
/// settle never settles, a join() waiting for it waits forever, and what it
/// held locked stays locked. `_exit` rather than `exit`: the JS thread may
/// be running, and atexit handlers must not run under it.
fn endProcess(message: []const u8, first_trace_address: ?usize) noreturn {
    if (ending.swap(true, .acq_rel)) std.c._exit(fault_status);
    // Printing the stack takes a while (debug info is read): the JS thread
    // must not end the process with its own status meanwhile.
    _ = atexit(awaitReport);
    // What this thread printed for JS's console comes first, then straight to stderr.
    console.release();
    std.debug.print("zigport: Zig panicked where no call from JS can receive the error " ++
        "(on a thread Zig started, or in a module built without runtime safety): {s}\n", .{message});
    // Said before the stack, which may take seconds to print (and may be
    // cut short by the wait in `awaitReport` running out).
    std.debug.print("zigport: the process ends with status {d}; the stack of the panicking thread:\n", .{fault_status});
    compat.dumpCurrentStackTrace(first_trace_address orelse @returnAddress());
    std.c._exit(fault_status);
}

extern "c" fn atexit(handler: *const fn () callconv(.c) void) c_int;
extern "c" fn usleep(microseconds: c_uint) c_int;

/// Run by exit() on a thread ending the process while a panic is being
/// reported: waits for the report, which ends the process with
/// `fault_status`, for at most 10 s.
fn awaitReport() callconv(.c) void {
    for (0..1000) |_| _ = usleep(10_000);
    std.c._exit(fault_status);
}

pub const Handler = std.debug.FullPanic(handle);
