//! Exports of a native library that connect it to the addon: where console
//! output goes, how a panic escapes to the caller, and the host's allocator.
const console = @import("console.zig");
const panic_escape = @import("panic.zig");
const host_allocator = @import("host_allocator.zig");

export fn zigport_set_console(sink: ?console.Sink) void {
    console.setSink(sink);
}

export fn zigport_set_panic_escape(escape: ?panic_escape.Escape) void {
    panic_escape.setEscape(escape);
}

export fn zigport_set_host_alloc(alloc: ?host_allocator.Alloc) void {
    host_allocator.setAlloc(alloc);
}
