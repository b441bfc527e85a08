//! A fake module whose zigport_abi_version says 2 but whose descriptor says it is version 3.
comptime {
    _ = @import("exporter-symbol-stubs.zig");
}

const descriptor =
    \\{"abi":3,"error_code_bits":16,"functions":[],"variables":[],"constants":[],"unsupported":[],"types":[]}
;

export fn zigport_abi_version() u32 {
    return 2;
}

export fn zigport_descriptor(len: *usize) [*]const u8 {
    len.* = descriptor.len;
    return descriptor.ptr;
}
