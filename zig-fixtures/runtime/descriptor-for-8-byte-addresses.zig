//! A fake module complete in every symbol whose descriptor is valid but laid out for 8-byte addresses.
comptime {
    _ = @import("exporter-symbol-stubs.zig");
}

const descriptor =
    \\{"abi":2,"error_code_bits":16,"pointer_size":8,"functions":[],"variables":[],"constants":[],"unsupported":[],"types":[]}
;

export fn zigport_abi_version() u32 {
    return 2;
}

export fn zigport_descriptor(len: *usize) [*]const u8 {
    len.* = descriptor.len;
    return descriptor.ptr;
}
