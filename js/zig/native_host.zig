//! Exports of a native library that connect it to the addon: where console
//! output goes, how a panic escapes to the caller, the host's allocator,
//! and the error return traces of calls.
const builtin = @import("builtin");
const console = @import("console.zig");
const panic_escape = @import("panic.zig");
const host_allocator = @import("host_allocator.zig");
const error_trace = @import("error_trace.zig");
const callback = @import("callback.zig");
const zigar = @import("zigar");

comptime {
    // What C prints through stdio goes where Zig's output goes: glibc and
    // musl on x86_64, where the replacements' C variadic functions compile
    // (Zig's LLVM backend refuses them on aarch64 Linux and on Windows).
    if (builtin.os.tag == .linux and builtin.cpu.arch == .x86_64) _ = @import("c_stdio.zig");
    // exit() flushes what JS's console was still to print.
    _ = @import("exit.zig");
}

const thread_start = @import("thread_start.zig");

// Only a build that keeps error return traces has these two; the host
// looks for them (see error_trace.zig).
comptime {
    if (error_trace.enabled) {
        @export(&errorTrace, .{ .name = "zigport_error_trace" });
        @export(&describeAddress, .{ .name = "zigport_describe_address" });
    }
}

/// Copies this thread's trace for error `code` into `out` (room for
/// `capacity` addresses), innermost frame first; returns how many.
fn errorTrace(code: u32, out: [*]usize, capacity: usize) callconv(.c) usize {
    return error_trace.take(code, out[0..capacity]);
}

/// Writes "function\tfile\tline\tcolumn" for a trace's return address into
/// `out` (`capacity` bytes); returns its length, 0 when nothing is known.
fn describeAddress(address: usize, out: [*]u8, capacity: usize) callconv(.c) usize {
    const text = error_trace.describe(address, out[0..capacity]) orelse return 0;
    return text.len;
}

export fn zigport_set_console(sink: ?console.Sink) void {
    console.setSink(sink);
}

export fn zigport_set_panic_escape(escape: ?panic_escape.Escape) void {
    panic_escape.setEscape(escape);
}

/// Installs what every thread the module starts runs first (see thread_start.zig).
export fn zigport_set_thread_start(hook: ?thread_start.Hook) void {
    thread_start.setHook(hook);
}

export fn zigport_set_host_alloc(alloc: ?host_allocator.Alloc) void {
    host_allocator.setAlloc(alloc);
}

/// Installs the host that runs JS functions bound to trampolines (see
/// callback.zig); `context` is passed back to it on every call.
export fn zigport_set_callback_host(host: ?callback.Host, context: ?*anyopaque) void {
    callback.setHost(host, context);
}

/// The context of the installed callback host: set when another
/// environment of this process opened the library first.
export fn zigport_callback_context() ?*anyopaque {
    return callback.hostContext();
}

/// Connects the `zigar` module to the host (see zigar/host.zig).
export fn zigport_set_zigar_hooks(hooks: *const zigar.host.Hooks) void {
    zigar.host.install(hooks.*);
}
