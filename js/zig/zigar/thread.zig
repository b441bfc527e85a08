//! Threads that call JS. A JS function bound to a function pointer may be
//! called from any thread: the call is carried to the JS thread. `use()`
//! also keeps the process alive while such calls may come, until the
//! matching `end()`; both count, and are called on the JS thread.
const std = @import("std");
const host = @import("host.zig");

var users = std.atomic.Value(usize).init(0);

pub const Error = error{ Unexpected, NotJsThread };

/// Keeps the process alive for calls from other threads, until `end()`.
pub fn use() Error!void {
    if (users.fetchAdd(1, .acq_rel) == 0 and !host.keepAlive(true)) {
        _ = users.fetchSub(1, .acq_rel);
        return error.NotJsThread;
    }
}

/// Undoes one `use()`; the last lets the process exit again.
pub fn end() void {
    const before = users.load(.acquire);
    if (before == 0) return;
    if (users.fetchSub(1, .acq_rel) == 1) _ = host.keepAlive(false);
}

/// Worker threads running queued calls of `ns`'s functions for JS.
pub const WorkQueue = @import("work_queue.zig").WorkQueue;
