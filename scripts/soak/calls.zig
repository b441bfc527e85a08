//! The soak's subject: one function per call kind, each doing little work
//! of its own, so that a long run of calls measures what the boundary keeps
//! (memory, mappings, handles) rather than what Zig does.
const std = @import("std");
const builtin = @import("builtin");
const zigar = @import("zigar");

pub const P = extern struct { x: f64, y: f64, z: f64 };

/// Scalar: two numbers in, one out.
pub fn add(a: i32, b: i32) i32 {
    return a +% b;
}

/// Pointer: a slice read and written in place; returns the old sum.
pub fn bumpAll(values: []u32) u32 {
    var total: u32 = 0;
    for (values) |*v| {
        total +%= v.*;
        v.* +%= 1;
    }
    return total;
}

/// Struct by value, in and out.
pub fn scaled(p: P, k: f64) P {
    return .{ .x = p.x * k, .y = p.y * k, .z = p.z * k };
}

/// Struct by pointer: read and written through the pointer.
pub fn normalize(p: *P) f64 {
    const n = @sqrt(p.x * p.x + p.y * p.y + p.z * p.z);
    if (n > 0) {
        p.x /= n;
        p.y /= n;
        p.z /= n;
    }
    return n;
}

/// Allocating: memory from the allocator JS provides, returned to JS.
pub fn repeat(allocator: std.mem.Allocator, byte: u8, len: usize) ![]u8 {
    const out = try allocator.alloc(u8, len);
    @memset(out, byte);
    return out;
}

var table: [64]u32 = @splat(0);

/// Returning Zig memory: a slice of a global, changed by each call.
pub fn getTable(stamp: u32) []u32 {
    table[stamp % table.len] = stamp;
    return &table;
}

/// Callback: calls a JS function twice, adds its results and releases it,
/// so that each call binds a function to a trampoline and frees it again
/// (a function type has a fixed number of trampolines).
pub fn callTwice(f: *const fn (i32) i32, x: i32) i32 {
    defer zigar.function.release(f);
    return f(x) +% f(x +% 1);
}

/// Promise: settled during the call.
pub fn resolveNow(x: i32, promise: zigar.function.Promise(i32)) void {
    promise.resolve(x +% 1);
}

/// Promise settled by another thread after the call returned (in a
/// native library; WebAssembly modules are built single-threaded).
pub fn resolveOnThread(x: i32, promise: zigar.function.Promise(i32)) !void {
    if (builtin.single_threaded) return error.NoThreads;
    const thread = try std.Thread.spawn(.{}, settle, .{ promise, x });
    thread.detach();
}

fn settle(promise: zigar.function.Promise(i32), x: i32) void {
    promise.resolve(x +% 1);
}

/// Errors: half of an even number, error.Odd for an odd one.
pub fn half(x: i32) !i32 {
    if (@rem(x, 2) != 0) return error.Odd;
    return @divExact(x, 2);
}

/// Pages of WebAssembly memory (0 in a native library): the soak tells the
/// module's memory, which never shrinks, from the memory JS objects hold.
pub fn wasmPages() u32 {
    return if (builtin.target.cpu.arch.isWasm()) @intCast(@wasmMemorySize(0)) else 0;
}
