//! A mutex and a condition variable that mean the same on every Zig
//! zigport supports. Zig 0.16 moved `std.Thread.Mutex` and `Condition`
//! under `std.Io`, where they need an `Io` instance the `zigar` module has
//! no way to get; a native module always links libc, so POSIX threads
//! serve every version alike. A build without threads (WebAssembly) has
//! nothing to wait for: both types do nothing there.
const std = @import("std");
const builtin = @import("builtin");

/// Whether this build can run threads at all.
pub const threaded = !builtin.single_threaded;

pub const Mutex = if (threaded) struct {
    inner: std.c.pthread_mutex_t = std.c.PTHREAD_MUTEX_INITIALIZER,

    pub fn lock(self: *Mutex) void {
        // pthread_mutex_lock fails only for a mutex that is not one.
        _ = std.c.pthread_mutex_lock(&self.inner);
    }

    pub fn unlock(self: *Mutex) void {
        _ = std.c.pthread_mutex_unlock(&self.inner);
    }
} else struct {
    pub fn lock(_: *Mutex) void {}
    pub fn unlock(_: *Mutex) void {}
};

pub const Condition = if (threaded) struct {
    inner: std.c.pthread_cond_t = std.c.PTHREAD_COND_INITIALIZER,

    /// Unlocks `mutex` until signalled (or woken spuriously: callers loop
    /// on their own predicate), then locks it again.
    pub fn wait(self: *Condition, mutex: *Mutex) void {
        _ = std.c.pthread_cond_wait(&self.inner, &mutex.inner);
    }

    pub fn signal(self: *Condition) void {
        _ = std.c.pthread_cond_signal(&self.inner);
    }

    pub fn broadcast(self: *Condition) void {
        _ = std.c.pthread_cond_broadcast(&self.inner);
    }
} else struct {
    pub fn wait(_: *Condition, _: *Mutex) void {}
    pub fn signal(_: *Condition) void {}
    pub fn broadcast(_: *Condition) void {}
};
