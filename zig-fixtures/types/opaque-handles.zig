//! Opaque types as handles: Zig hands out pointers JS cannot look into and
//! takes them back, typed (`*Context`) or untyped (`*anyopaque`).
const std = @import("std");

/// What a Context really is, known only to this file.
const State = struct { count: u32, label: u8 };

pub const Context = opaque {
    pub fn count(self: *const Context) u32 {
        return state(@constCast(self)).count;
    }
};
pub const Other = opaque {};

fn state(ctx: *Context) *State {
    return @ptrCast(@alignCast(ctx));
}

var global_state: State = .{ .count = 100, .label = 'g' };

pub fn create(allocator: std.mem.Allocator, start: u32) !*Context {
    const s = try allocator.create(State);
    s.* = .{ .count = start, .label = 'c' };
    return @ptrCast(s);
}

pub fn global() *Context {
    return @ptrCast(&global_state);
}

pub fn frozen() *const Context {
    return @ptrCast(&global_state);
}

pub fn bump(ctx: *Context) void {
    state(ctx).count += 1;
}

pub fn read(ctx: *const Context) u32 {
    return state(@constCast(ctx)).count;
}

pub fn other() *Other {
    return @ptrCast(&global_state);
}

pub fn erase(ctx: *Context) *anyopaque {
    return ctx;
}

pub fn readErased(ptr: *anyopaque) u32 {
    return @as(*State, @ptrCast(@alignCast(ptr))).count;
}

pub fn maybe(yes: bool) ?*anyopaque {
    return if (yes) @ptrCast(&global_state) else null;
}

pub fn readMaybe(ptr: ?*const anyopaque) u32 {
    const p = ptr orelse return 0;
    return @as(*const State, @ptrCast(@alignCast(p))).count;
}

pub fn sumTwo(a: *const Context, b: *const Context, extra: []const u32) u32 {
    var total = read(a) + read(b);
    for (extra) |x| total += x;
    return total;
}

/// A handle kept in a variable: JS reads and assigns it as a handle.
pub var user_data: ?*anyopaque = null;
