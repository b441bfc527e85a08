//! A fake module whose descriptor is well-formed JSON but places a parameter far outside its function's call frame.
comptime {
    _ = @import("exporter-symbol-stubs.zig");
}

const descriptor =
    \\{"abi":2,"runtime_safety":true,"error_code_bits":16,
    \\ "functions":[{"name":"add","thunk":0,"frame":{"size":8,"align":4},
    \\   "params":[{"type":0,"offset":0},{"type":0,"offset":4096}],"ret":{"type":0,"offset":4}}],
    \\ "variables":[],"constants":[],"unsupported":[],
    \\ "types":[{"kind":"int","bits":32,"signed":true,"pointer_sized":false,"name":"i32","size":4,"align":4}]}
;

export fn zigport_abi_version() u32 {
    return 2;
}

export fn zigport_descriptor(len: *usize) [*]const u8 {
    len.* = descriptor.len;
    return descriptor.ptr;
}
