//! `WorkQueue(ns)`: worker threads that run calls of functions queued from
//! JS and settle the promise (or feed the generator) each call came with.
//! `promisify(ns.f)` and `asyncify(ns.f)` make functions JS calls to queue
//! `f`, `promisify(.startup | .startup1 | .shutdown)` ones that start and
//! stop the workers. `ns.onThreadStart` and `ns.onThreadEnd`, when present,
//! run on each worker as it starts and before it ends.
//!
//! While workers run, the queue holds `thread.use()`, so the process stays
//! alive until they are shut down; the shutdown's own promise keeps it
//! alive until the last worker is done, joins the others and frees what
//! the queue allocated.
//!
//! A build without threads (WebAssembly) runs every job at once on the
//! thread that queues it, which acts as the queue's only worker:
//! `onThreadStart` runs once when the queue starts, `onThreadEnd` once when
//! it shuts down, and promises settle during the call that queued them.
const std = @import("std");
const builtin = @import("builtin");
const function = @import("function.zig");
const thread = @import("thread.zig");
const reflect = @import("reflect.zig");
const sync = @import("sync.zig");
const spread = @import("spread.zig");
const job = @import("job.zig");
const hooks = @import("work_hooks.zig");

pub fn WorkQueue(comptime ns: type) type {
    const Hooks = hooks.Hooks(ns);
    return struct {
        mutex: sync.Mutex = .{},
        /// Signalled when a job is queued or the queue is stopping.
        job_queued: sync.Condition = .{},
        /// Broadcast when the workers have started, or failed to.
        start_known_cond: sync.Condition = .{},
        status: Status = .stopped,
        jobs: job.List = .{},
        allocator: std.mem.Allocator = default_allocator,
        threads: []std.Thread = &.{},
        /// Workers not yet ended.
        alive: usize = 0,
        /// Workers not yet through `onThreadStart`.
        starting: usize = 0,
        start_result: WaitResult = {},
        start_known: bool = false,
        start_promise: ?function.Promise(WaitResult) = null,
        stop_promise: ?function.Promise(void) = null,
        /// What the one worker of a build without threads ends with.
        end_params: ThreadEndParams = undefined,
        /// Whether this queue holds a `thread.use()` it owes an `end()`.
        holds_js: bool = false,

        const Self = @This();

        pub const ThreadStartParams = Hooks.StartParams;
        pub const ThreadEndParams = Hooks.EndParams;
        pub const ThreadStartError = Hooks.StartError;
        /// What `wait()` returns and a startup promise settles with.
        pub const WaitResult = Hooks.WaitResult;
        pub const Options = hooks.Options(ThreadStartParams, ThreadEndParams);
        pub const InitError = std.Thread.SpawnError || error{ QueueStopping, InvalidThreadCount };
        /// What queueing a call may fail with: starting the queue on the
        /// way, or finding it not running (and not startable by itself).
        pub const Error = InitError || error{QueueNotStarted};

        const Status = enum { stopped, running, stopping };
        const can_start_alone = Hooks.parameterless;
        const default_allocator = if (builtin.target.cpu.arch.isWasm()) std.heap.wasm_allocator else std.heap.c_allocator;
        /// Smaller stacks than this are raised to it: Zig code in Debug
        /// needs some room even for small jobs.
        const min_stack_size = 256 * 1024;

        /// Starts `options.n_jobs` workers; does nothing when they run.
        pub fn init(self: *Self, options: Options) InitError!void {
            if (options.n_jobs == 0) return error.InvalidThreadCount;
            self.mutex.lock();
            defer self.mutex.unlock();
            switch (self.status) {
                .running => return,
                .stopping => return error.QueueStopping,
                .stopped => {},
            }
            self.holdJs();
            self.allocator = options.allocator;
            self.start_result = {};
            self.start_known = false;
            self.start_promise = null;
            self.stop_promise = null;
            self.end_params = options.thread_end_params;
            self.status = .running;
            if (sync.threaded) {
                try self.spawnAll(options);
            } else {
                self.start_result = Hooks.start(options.thread_start_params);
                self.start_known = true;
                if (isError(self.start_result)) self.status = .stopped;
            }
        }

        /// Takes a `thread.use()` for the workers, giving back one left
        /// over from a start that failed. Off the JS thread (a queue
        /// started by Zig's own threads) nothing is kept alive.
        fn holdJs(self: *Self) void {
            if (self.holds_js) return;
            thread.use() catch return;
            self.holds_js = true;
        }

        fn releaseJs(self: *Self) void {
            if (!self.holds_js) return;
            self.holds_js = false;
            thread.end();
        }

        /// Spawns the workers (mutex held, so they wait for the list).
        fn spawnAll(self: *Self, options: Options) InitError!void {
            const threads = self.allocator.alloc(std.Thread, options.n_jobs) catch |err| return self.abandonStart(0, err);
            self.threads = threads;
            const config: std.Thread.SpawnConfig = .{ .stack_size = @max(options.stack_size, min_stack_size), .allocator = self.allocator };
            for (threads, 0..) |*t, index| {
                t.* = std.Thread.spawn(config, work, .{ self, index, options.thread_start_params, options.thread_end_params }) catch |err| {
                    return self.abandonStart(index, err);
                };
            }
            self.alive = threads.len;
            self.starting = threads.len;
        }

        /// A start that could spawn only `spawned` workers: those stop at
        /// once (the last frees the list); with none, nothing is left.
        fn abandonStart(self: *Self, spawned: usize, err: InitError) InitError {
            self.alive = spawned;
            self.starting = spawned;
            self.start_known = spawned == 0;
            if (spawned == 0) {
                if (self.threads.len > 0) self.allocator.free(self.threads);
                self.threads = &.{};
                self.status = .stopped;
                self.releaseJs();
            } else {
                self.threads = self.threads[0..spawned];
                self.status = .stopping;
            }
            return err;
        }

        /// Waits until every worker has started (what `onThreadStart`
        /// gave, its first error if one failed); at once when stopped.
        pub fn wait(self: *Self) WaitResult {
            self.mutex.lock();
            defer self.mutex.unlock();
            while (!self.start_known and self.status != .stopped) self.start_known_cond.wait(&self.mutex);
            return self.start_result;
        }

        /// Settles `promise` with what `wait()` returns, once known.
        pub fn waitAsync(self: *Self, promise: function.Promise(WaitResult)) void {
            self.mutex.lock();
            if (!self.start_known and self.status != .stopped) {
                self.start_promise = promise;
                return self.mutex.unlock();
            }
            const result = self.start_result;
            self.mutex.unlock();
            promise.resolve(result);
        }

        /// Stops the workers once the jobs already queued have run; the
        /// last worker to end settles `promise`. Settled at once when the
        /// queue is not running.
        pub fn deinitAsync(self: *Self, promise: ?function.Promise(void)) void {
            self.mutex.lock();
            if (self.status != .running) {
                if (self.status == .stopped) self.releaseJs();
                self.mutex.unlock();
                if (promise) |p| p.resolve({});
                return;
            }
            // The pending promise keeps the process alive from here on.
            self.releaseJs();
            if (!sync.threaded) return self.endAlone(promise);
            self.status = .stopping;
            self.stop_promise = promise;
            self.job_queued.broadcast();
            self.mutex.unlock();
        }

        /// Ends the only worker of a build without threads (mutex held).
        fn endAlone(self: *Self, promise: ?function.Promise(void)) void {
            self.status = .stopped;
            self.mutex.unlock();
            Hooks.end(self.end_params);
            if (promise) |p| p.resolve({});
        }

        /// Queues a call of `func` with `args`; `receiver` (a promise of
        /// its result, or a generator for an iterator it returns) gets
        /// the outcome. The first call starts one worker when the
        /// queue's thread hooks need no parameters.
        pub fn push(self: *Self, comptime func: anytype, args: job.Args(func), receiver: ?job.Receiver(func)) Error!void {
            try self.startIfStopped();
            if (!sync.threaded) return self.runAlone(func, args, receiver);
            self.mutex.lock();
            defer self.mutex.unlock();
            if (self.status != .running) return error.QueueStopping;
            // Under the lock: the allocator is the one this run started with.
            const task = try self.allocator.create(job.Task(func));
            task.* = .{ .args = args, .receiver = receiver };
            self.jobs.append(&task.job);
            self.job_queued.signal();
        }

        fn startIfStopped(self: *Self) Error!void {
            self.mutex.lock();
            const status = self.status;
            self.mutex.unlock();
            switch (status) {
                .running => {},
                .stopping => return error.QueueStopping,
                .stopped => {
                    if (!can_start_alone) return error.QueueNotStarted;
                    try self.init(.{ .allocator = default_allocator });
                },
            }
        }

        /// Runs a job at once: a build without threads has no workers.
        fn runAlone(self: *Self, comptime func: anytype, args: job.Args(func), receiver: ?job.Receiver(func)) Error!void {
            self.mutex.lock();
            const running = self.status == .running;
            self.mutex.unlock();
            if (!running) return error.QueueStopping;
            job.call(func, args, receiver);
        }

        /// Drops the jobs not yet started (see job.zig for their receivers).
        pub fn clear(self: *Self) void {
            self.mutex.lock();
            var dropped = self.jobs;
            self.jobs = .{};
            const allocator = self.allocator;
            self.mutex.unlock();
            while (dropped.take()) |j| j.handle(j, allocator, false);
        }

        /// A function taking `func`'s parameters and then its receiver
        /// (which JS fills: the call returns a promise or async iterable)
        /// that queues a call of `func`.
        pub fn asyncify(comptime self: *Self, comptime func: anytype) Asyncified(func) {
            const n = reflect.paramTypes(reflect.FunctionType(func)).len;
            const queue = struct {
                fn call(given: anytype) Error!void {
                    var args: job.Args(func) = undefined;
                    inline for (0..n) |i| args[i] = given[i];
                    return self.push(func, args, given[n]);
                }
            };
            return spread.Spread(asyncParams(func), Error!void, queue.call).call;
        }

        pub fn Asyncified(comptime func: anytype) type {
            return spread.Fn(asyncParams(func), Error!void);
        }

        fn asyncParams(comptime func: anytype) []const type {
            const F = reflect.FunctionType(func);
            comptime var list: []const type = &.{};
            inline for (reflect.paramTypes(F)) |P| {
                list = list ++ [_]type{P orelse @compileError("cannot queue a function with anytype parameters: " ++ @typeName(F))};
            }
            return list ++ [_]type{job.Receiver(func)};
        }

        /// `asyncify(func)` for a function returning no iterator, or, for
        /// `.startup` / `.startup1` / `.shutdown`, a function starting
        /// that many workers / one worker, or stopping them.
        pub fn promisify(comptime self: *Self, comptime what: anytype) Promisified(what) {
            if (@typeInfo(@TypeOf(what)) != .enum_literal) {
                if (job.isGenerator(what)) @compileError("promisify() cannot take a function returning an iterator; use asyncify()");
                return self.asyncify(what);
            }
            if (what != .shutdown and !can_start_alone) @compileError("cannot make ." ++ @tagName(what) ++ ": onThreadStart() or onThreadEnd() takes parameters; call init() instead");
            const made = struct {
                fn startup(n_jobs: usize, promise: function.Promise(WaitResult)) InitError!void {
                    try self.init(.{ .allocator = default_allocator, .n_jobs = n_jobs });
                    self.waitAsync(promise);
                }
                fn startup1(promise: function.Promise(WaitResult)) InitError!void {
                    return startup(1, promise);
                }
                fn shutdown(promise: function.Promise(void)) void {
                    self.deinitAsync(promise);
                }
            };
            return @field(made, @tagName(what));
        }

        pub fn Promisified(comptime what: anytype) type {
            if (@typeInfo(@TypeOf(what)) != .enum_literal) return Asyncified(what);
            return switch (what) {
                .startup => fn (usize, function.Promise(WaitResult)) InitError!void,
                .startup1 => fn (function.Promise(WaitResult)) InitError!void,
                .shutdown => fn (function.Promise(void)) void,
                else => @compileError("expected a function, .startup, .startup1 or .shutdown, not ." ++ @tagName(what)),
            };
        }

        /// A worker: starts, runs jobs until the queue stops and none are
        /// left, ends.
        fn work(self: *Self, index: usize, start_params: ThreadStartParams, end_params: ThreadEndParams) void {
            const started = Hooks.start(start_params);
            self.reportStart(started);
            if (!isError(started)) {
                self.runJobs();
                Hooks.end(end_params);
            }
            self.exit(index);
        }

        fn reportStart(self: *Self, result: WaitResult) void {
            self.mutex.lock();
            self.starting -= 1;
            if (isError(result) and !isError(self.start_result)) {
                // The first failure stops the queue; it is reported once
                // every worker has ended.
                self.start_result = result;
                if (self.status == .running) self.status = .stopping;
                self.job_queued.broadcast();
            }
            var promise: ?function.Promise(WaitResult) = null;
            if (self.starting == 0 and !isError(self.start_result)) {
                self.start_known = true;
                promise = take(&self.start_promise);
                self.start_known_cond.broadcast();
            }
            self.mutex.unlock();
            if (promise) |p| p.resolve({});
        }

        fn runJobs(self: *Self) void {
            while (true) {
                self.mutex.lock();
                while (self.jobs.head == null and self.status == .running) self.job_queued.wait(&self.mutex);
                const next = self.jobs.take();
                const allocator = self.allocator;
                self.mutex.unlock();
                const j = next orelse return;
                j.handle(j, allocator, true);
            }
        }

        /// A worker ends; the last one joins the others, frees the list
        /// and settles what waits for the queue to stop. It cannot join
        /// itself, so it detaches itself, touching the queue no more.
        fn exit(self: *Self, index: usize) void {
            self.mutex.lock();
            self.alive -= 1;
            if (self.alive > 0) return self.mutex.unlock();
            const threads = self.threads;
            const allocator = self.allocator;
            const result = self.start_result;
            // A start that failed is reported now, every worker having ended.
            const start_promise = if (self.start_known) null else take(&self.start_promise);
            const stop_promise = take(&self.stop_promise);
            self.threads = &.{};
            self.start_known = true;
            self.status = .stopped;
            self.start_known_cond.broadcast();
            self.mutex.unlock();
            for (threads, 0..) |t, i| if (i != index) t.join() else t.detach();
            allocator.free(threads);
            if (start_promise) |p| p.resolve(result);
            if (stop_promise) |p| p.resolve({});
        }

        fn isError(result: WaitResult) bool {
            return if (WaitResult == void) false else std.meta.isError(result);
        }
    };
}

/// The value in `slot`, leaving null there. Copied through a call: with
/// Zig 0.15, a local set from the field by a conditional expression, then
/// the field set to null, was seen to read that null.
fn take(slot: anytype) @TypeOf(slot.*) {
    const value = slot.*;
    slot.* = null;
    return value;
}
