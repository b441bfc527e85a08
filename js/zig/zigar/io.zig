//! Console redirection, as Zigar offers it. zigport already sends what the
//! module's own code writes to stdout and stderr to the JS console; it has
//! no way to reroute another shared library's writes.
const builtin = @import("builtin");

const is_wasm = builtin.target.cpu.arch.isWasm();

pub const Error = error{NoSupport};

/// Sends the console output of the library holding function `f` to the JS
/// console: done already when that is this module; `error.NoSupport` for
/// another library, and in WebAssembly.
pub fn redirect(f: anytype) Error!void {
    if (is_wasm) return error.NoSupport;
    if (!sameLibrary(@ptrCast(f), @ptrCast(&sameLibrary))) return error.NoSupport;
}

/// What dladdr reports of an address (glibc's and musl's layout).
const DlInfo = extern struct {
    fname: ?[*:0]const u8,
    base: ?*anyopaque,
    sname: ?[*:0]const u8,
    saddr: ?*anyopaque,
};

extern "c" fn dladdr(address: ?*const anyopaque, info: *DlInfo) c_int;

fn sameLibrary(a: *const anyopaque, b: *const anyopaque) bool {
    var first: DlInfo = undefined;
    var second: DlInfo = undefined;
    if (dladdr(a, &first) == 0 or dladdr(b, &second) == 0) return false;
    return first.base == second.base;
}
