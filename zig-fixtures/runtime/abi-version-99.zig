//! A fake module complete in every symbol and with a valid descriptor, but whose zigport_abi_version says 99.
comptime {
    _ = @import("exporter-symbol-stubs.zig");
}

const descriptor =
    \\{"abi":2,"error_code_bits":16,"functions":[],"variables":[],"constants":[],"unsupported":[],"types":[]}
;

export fn zigport_abi_version() u32 {
    return 99;
}

export fn zigport_descriptor(len: *usize) [*]const u8 {
    len.* = descriptor.len;
    return descriptor.ptr;
}
