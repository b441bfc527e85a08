//! Threads the module starts (std.Thread with libc, or C code it links)
//! begin by calling the host's thread-start hook, which gives each an
//! alternate signal stack and notes where its stack ends, so that a stack
//! overflow there ends the process with a message rather than a bare
//! SIGSEGV (runtime/src/guard.c). The module's own references to
//! `pthread_create` bind to this definition (hidden visibility, as
//! exit.zig's `exit`); the thread is then created by libc's.
const std = @import("std");
const builtin = @import("builtin");

comptime {
    if (builtin.os.tag == .linux) @export(&pthreadCreate, .{ .name = "pthread_create", .visibility = .hidden });
}

pub const Hook = *const fn () callconv(.c) void;
var hook = std.atomic.Value(?Hook).init(null);

pub fn setHook(h: ?Hook) void {
    hook.store(h, .release);
}

const Start = *const fn (?*anyopaque) callconv(.c) ?*anyopaque;
const Create = *const fn (*anyopaque, ?*const anyopaque, Start, ?*anyopaque) callconv(.c) c_int;

/// `RTLD_NEXT` (glibc and musl): the next definition after this library's.
const next_definition: ?*anyopaque = @ptrFromInt(std.math.maxInt(usize));
const EAGAIN: c_int = 11;
const ENOSYS: c_int = 38;

/// What the new thread runs first, freed by it.
const Launch = struct { start: Start, arg: ?*anyopaque };

fn pthreadCreate(thread: *anyopaque, attr: ?*const anyopaque, start: Start, arg: ?*anyopaque) callconv(.c) c_int {
    const found = std.c.dlsym(next_definition, "pthread_create") orelse return ENOSYS;
    const create: Create = @ptrCast(@alignCast(found));
    if (hook.load(.acquire) == null) return create(thread, attr, start, arg);
    const launch = std.heap.c_allocator.create(Launch) catch return EAGAIN;
    launch.* = .{ .start = start, .arg = arg };
    const status = create(thread, attr, launched, launch);
    if (status != 0) std.heap.c_allocator.destroy(launch);
    return status;
}

fn launched(raw: ?*anyopaque) callconv(.c) ?*anyopaque {
    const launch: *Launch = @ptrCast(@alignCast(raw));
    const start = launch.start;
    const arg = launch.arg;
    std.heap.c_allocator.destroy(launch);
    if (hook.load(.acquire)) |h| h();
    return start(arg);
}
