//! How the `zigar` module reaches the host. Natively the addon installs the
//! hooks when it opens the library; in WebAssembly they are imports of the
//! JS host.
const std = @import("std");
const builtin = @import("builtin");

const is_wasm = builtin.target.cpu.arch.isWasm();

/// The hooks a native host installs (`zigport_set_zigar_hooks`).
pub const Hooks = extern struct {
    /// What `release` receives back.
    context: ?*anyopaque = null,
    /// Frees the trampoline at `address` if a JS function is bound to it.
    release: ?*const fn (context: ?*anyopaque, address: usize) callconv(.c) void = null,
    /// Whether calls from other threads keep the process alive; false when
    /// not called on a JS thread.
    keep_alive: ?*const fn (on: bool) callconv(.c) bool = null,
};

var hooks: Hooks = .{};

pub fn install(h: Hooks) void {
    hooks = h;
}

extern "zigport" fn release_callback(address: usize) void;

/// Frees the trampoline at `address` (a JS function's), if there is one.
pub fn release(address: usize) void {
    if (is_wasm) return release_callback(address);
    if (hooks.release) |f| f(hooks.context, address);
}

/// Turns keeping the process alive for other threads' calls on or off;
/// false when the host could not (not on a JS thread).
pub fn keepAlive(on: bool) bool {
    if (is_wasm) return true;
    const f = hooks.keep_alive orelse return false;
    return f(on);
}
