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

export fn zigport_check_layouts() bool {
    return true;
}
