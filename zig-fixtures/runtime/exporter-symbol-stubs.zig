//! The exporter's symbols other than the ABI version and the descriptor, as do-nothing stubs for the fake modules in this directory.
export fn zigport_thunk(index: usize) ?*const fn (frame: *anyopaque) callconv(.c) void {
    _ = index;
    return null;
}

export fn zigport_storage(index: usize, size: *usize) ?*anyopaque {
    _ = index;
    size.* = 0;
    return null;
}

export fn zigport_error_name(code: u32, len: *usize) [*]const u8 {
    _ = code;
    len.* = 0;
    return "";
}

export fn zigport_set_console(sink: ?*const anyopaque) void {
    _ = sink;
}

export fn zigport_set_panic_escape(escape: ?*const anyopaque) void {
    _ = escape;
}

export fn zigport_set_host_alloc(alloc: ?*const anyopaque) void {
    _ = alloc;
}

export fn zigport_set_callback_host(host: ?*const anyopaque, context: ?*anyopaque) void {
    _ = host;
    _ = context;
}

export fn zigport_callback_context() ?*anyopaque {
    return null;
}

export fn zigport_callback_address(caller: u32, slot: u32) usize {
    _ = caller;
    _ = slot;
    return 0;
}

export fn zigport_set_zigar_hooks(hooks: *const anyopaque) void {
    _ = hooks;
}

export fn zigport_check_layouts() bool {
    return true;
}

comptime {
    if (@import("builtin").target.cpu.arch.isWasm()) _ = wasm_stubs;
}

/// The symbols a WebAssembly module exports for the JS host, when the fakes are built as wasm.
const wasm_stubs = struct {
    var heap: [4096]u8 align(16) = undefined;
    var used: u32 = 0;

    export fn zigport_call(index: u32, frame: *anyopaque) void {
        _ = index;
        _ = frame;
    }

    /// A bump allocator over `heap`; the fakes only need a few bytes.
    export fn zigport_alloc(len: u32, log2_align: u32) u32 {
        const alignment = @as(u32, 1) << @intCast(@min(log2_align, 12));
        const start = std.mem.alignForward(u32, @intCast(@intFromPtr(&heap) + used), alignment);
        const end = start + @max(len, 1);
        if (end > @intFromPtr(&heap) + heap.len) return 0;
        used = end - @as(u32, @intCast(@intFromPtr(&heap)));
        return start;
    }

    export fn zigport_free(address: u32, len: u32, log2_align: u32) void {
        _ = address;
        _ = len;
        _ = log2_align;
    }

    export fn zigport_call_memory(count: *u32) u32 {
        count.* = 0;
        return 0;
    }

    export fn zigport_keep_call_memory(index: u32) void {
        _ = index;
    }

    export fn zigport_release_call_memory() void {}
};

const std = @import("std");
