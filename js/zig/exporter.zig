//! Root of every zigport build. Imports the user's file as "module" and
//! exports the symbols the runtime looks up: ABI version, descriptor,
//! thunks, variable addresses, error names and layout checks. What differs
//! between a native library and a WebAssembly module (console routing,
//! panics, allocation for the host) is exported by native_host.zig or
//! wasm_host.zig.
const std = @import("std");
const builtin = @import("builtin");
const user = @import("module");
const describe = @import("describe.zig");
const thunk = @import("thunk.zig");
const variadic = @import("variadic.zig");
const compat = @import("compat.zig");
const callback = @import("callback.zig");
const wire = @import("wire.zig");
const panic_escape = @import("panic.zig");
const layout = @import("layout.zig");

comptime {
    if (builtin.target.cpu.arch.isWasm()) {
        _ = @import("wasm_host.zig");
    } else {
        _ = @import("native_host.zig");
    }
}

/// Panics inside calls from JS become JS exceptions (see panic.zig).
pub const panic = panic_escape.Handler;

/// Every public declaration of the module, classified (see describe.zig).
pub const entries = describe.entries(user);
const built = describe.build(user);
const descriptor_text = built.text;

/// The thunk of every function the descriptor lists, by its index there:
/// a caller's calls the function whose address its frame holds.
pub const thunks = blk: {
    @setEvalBranchQuota(1_000_000);
    var list: []const thunk.Thunk = &.{};
    for (built.functions) |f| list = list ++ [_]thunk.Thunk{switch (f.role) {
        .caller => thunk.callerThunkFor(f.holder.Fn),
        else => if (compat.fnInfo(@TypeOf(f.holder.value)).is_var_args) variadic.thunkFor(f.holder.value) else thunk.thunkFor(f.holder.value),
    }};
    break :blk list;
};

fn storageAddress(comptime container: type, comptime name: []const u8) *anyopaque {
    return @ptrCast(@constCast(&@field(container, name)));
}

/// Slots of the module's `pub var` and runtime `pub const` declarations.
const declared_count = blk: {
    var n: usize = 0;
    for (entries) |e| if (e == .storage) {
        n += 1;
    };
    break :blk n;
};

/// Every slot: the declarations', then those of comptime fields read from memory.
const storage_count = declared_count + built.stored_fields.len;

/// Addresses of `pub var` / runtime `pub const` storage, by slot. Filled at
/// run time because constant addresses cannot be taken at comptime for
/// mutable globals.
fn storageSlot(index: usize) ?*anyopaque {
    if (index >= declared_count) return storedField(index - declared_count);
    comptime var slot = 0;
    inline for (entries) |e| switch (e) {
        .storage => |s| {
            if (index == slot) return storageAddress(s.container, s.name);
            slot += 1;
        },
        else => {},
    };
    return null;
}

export fn zigport_abi_version() u32 {
    return describe.abi_version;
}

export fn zigport_descriptor(len: *usize) [*]const u8 {
    len.* = descriptor_text.len;
    return descriptor_text.ptr;
}

export fn zigport_thunk(index: usize) ?thunk.Thunk {
    return if (index < thunks.len) thunks[index] else null;
}

/// The address of trampoline `slot` of the JS functions standing in for the
/// function type of caller `caller` (see callback.zig), or 0 when that
/// function is no caller or its type takes no JS functions.
export fn zigport_callback_address(caller: u32, slot: u32) usize {
    if (slot >= callback.slot_count) return 0;
    inline for (built.functions, 0..) |f, i| {
        if (comptime f.role == .caller and callback.problem(f.holder.Fn) == null) {
            if (caller == i) return callback.address(f.holder.Fn, i, slot);
        }
    }
    return 0;
}

/// Where comptime field `index` (of those read from memory) keeps its value.
fn storedField(index: usize) ?*anyopaque {
    inline for (built.stored_fields, 0..) |f, i| {
        if (index == i) return @constCast(f.value);
    }
    return null;
}

fn storedFieldSize(index: usize) usize {
    inline for (built.stored_fields, 0..) |f, i| {
        if (index == i) return @sizeOf(f.T);
    }
    return 0;
}

export fn zigport_storage(index: usize, size: *usize) ?*anyopaque {
    if (index >= storage_count) return null;
    if (index >= declared_count) size.* = storedFieldSize(index - declared_count);
    comptime var slot = 0;
    inline for (entries) |e| switch (e) {
        .storage => |s| {
            if (index == slot) size.* = @sizeOf(s.T);
            slot += 1;
        },
        else => {},
    };
    return storageSlot(index);
}

/// Name of error `code`; the host only passes codes a thunk produced.
export fn zigport_error_name(code: u32, len: *usize) [*]const u8 {
    const name = @errorName(@errorFromInt(@as(wire.ErrorCode, @intCast(code))));
    len.* = name.len;
    return name.ptr;
}

/// Whether every optional and error union the descriptor describes by its
/// memory layout really has that layout (see layout.zig).
export fn zigport_check_layouts() bool {
    inline for (built.types) |T| {
        if (!layout.holds(T)) return false;
    }
    return true;
}
