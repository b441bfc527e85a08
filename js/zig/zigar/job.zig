//! One call a work queue runs later: a function, its arguments, and where
//! its result goes (a promise, or for a function returning an iterator a
//! generator), all in one allocation that the call frees. The queue keeps
//! jobs of every function in one list of `Job` headers.
const std = @import("std");
const function = @import("function.zig");
const reflect = @import("reflect.zig");

/// What the queue's list holds: the next job, and how to run this one.
pub const Job = struct {
    next: ?*Job = null,
    /// Runs the call (or, with `run` false, only lets its receiver go) and
    /// frees the job with `allocator`.
    handle: *const fn (job: *Job, allocator: std.mem.Allocator, run: bool) void,
};

/// A first-in first-out list of jobs; the queue guards it with its mutex.
pub const List = struct {
    head: ?*Job = null,
    tail: ?*Job = null,

    pub fn append(self: *List, job: *Job) void {
        job.next = null;
        if (self.tail) |last| last.next = job else self.head = job;
        self.tail = job;
    }

    pub fn take(self: *List) ?*Job {
        const job = self.head orelse return null;
        self.head = job.next;
        if (self.head == null) self.tail = null;
        return job;
    }
};

/// Where the result of `func` goes: a generator when it returns an
/// iterator, otherwise a promise of its result.
pub fn Receiver(comptime func: anytype) type {
    const R = reflect.returnType(reflect.FunctionType(func));
    if (reflect.iteratorNext(R)) |next| return function.Generator(next.result, next.allocating);
    return function.Promise(R);
}

pub fn isGenerator(comptime func: anytype) bool {
    return function.roleOf(Receiver(func)) == .generator;
}

pub fn Args(comptime func: anytype) type {
    return std.meta.ArgsTuple(reflect.FunctionType(func));
}

/// The job that calls `func`.
pub fn Task(comptime func: anytype) type {
    return struct {
        job: Job = .{ .handle = handle },
        args: Args(func),
        receiver: ?Receiver(func),

        fn handle(job: *Job, allocator: std.mem.Allocator, run: bool) void {
            const task: *@This() = @fieldParentPtr("job", job);
            const args = task.args;
            const receiver = task.receiver;
            allocator.destroy(task);
            if (run) call(func, args, receiver) else drop(receiver);
        }
    };
}

/// Calls `func` now and hands its result to `receiver`, if any.
pub fn call(comptime func: anytype, args: Args(func), receiver: ?Receiver(func)) void {
    const result = @call(.auto, func, args);
    const to = receiver orelse return;
    if (comptime isGenerator(func)) to.pipe(result) else to.resolve(result);
}

/// A job dropped before it ran: a generator is ended, so that JS stops
/// waiting for items; a promise has no value to settle with and stays
/// pending, as in Zigar.
fn drop(receiver: anytype) void {
    const to = receiver orelse return;
    if (comptime function.roleOf(@TypeOf(to)) == .generator) to.end();
}
