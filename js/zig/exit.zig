//! `exit()` called by the module's own code (Zig's `std.process.exit` ends
//! in libc's `exit`, as does C code's): before the process ends, what this
//! thread printed and the host still holds for JS's console is written to
//! the real stdout and stderr, since JS will not run again to print it.
//! Then libc's `exit` runs as it would have, with the same status. Defined
//! with hidden visibility, as console.zig's `write`: the module's own
//! references bind here while the rest of the process keeps libc's.
const std = @import("std");
const builtin = @import("builtin");
const console = @import("console.zig");

comptime {
    if (builtin.os.tag == .linux) @export(&exit, .{ .name = "exit", .visibility = .hidden });
}

/// `RTLD_NEXT` (glibc and musl): the next definition after this library's.
const next_definition: ?*anyopaque = @ptrFromInt(std.math.maxInt(usize));

fn exit(status: c_int) callconv(.c) noreturn {
    console.release();
    const found = std.c.dlsym(next_definition, "exit") orelse std.c._exit(status);
    const libc_exit: *const fn (c_int) callconv(.c) noreturn = @ptrCast(@alignCast(found));
    libc_exit(status);
}
