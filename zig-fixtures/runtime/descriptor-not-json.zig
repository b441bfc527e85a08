//! A fake module whose descriptor is text but not JSON.
comptime {
    _ = @import("exporter-symbol-stubs.zig");
}

const descriptor = "{\"abi\":2, this is not JSON";

export fn zigport_abi_version() u32 {
    return 2;
}

export fn zigport_descriptor(len: *usize) [*]const u8 {
    len.* = descriptor.len;
    return descriptor.ptr;
}
