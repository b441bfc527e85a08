//! What a work queue's namespace says about its workers: `onThreadStart`
//! (which may fail, stopping the queue) and `onThreadEnd`, their parameters,
//! and the options `init` takes, whose thread parameters may be left out
//! when the hook takes none.
const std = @import("std");
const builtin = @import("builtin");
const reflect = @import("reflect.zig");

/// The parameters of a hook the namespace does not have: none.
const NoParams = std.meta.ArgsTuple(fn () void);

pub fn Hooks(comptime ns: type) type {
    const has_start = @hasDecl(ns, "onThreadStart");
    const has_end = @hasDecl(ns, "onThreadEnd");
    return struct {
        pub const StartParams = if (has_start) std.meta.ArgsTuple(reflect.FunctionType(ns.onThreadStart)) else NoParams;
        pub const EndParams = if (has_end) std.meta.ArgsTuple(reflect.FunctionType(ns.onThreadEnd)) else NoParams;
        pub const StartError = if (has_start) errorSetOf(reflect.returnType(reflect.FunctionType(ns.onThreadStart))) else error{};
        pub const WaitResult = if (StartError == error{}) void else StartError!void;
        /// Whether the queue can start without being given parameters.
        pub const parameterless = paramCount(StartParams) == 0 and paramCount(EndParams) == 0;

        /// Runs `onThreadStart`, if any: its error, or success.
        pub fn start(params: StartParams) WaitResult {
            if (!has_start) return {};
            const result = @call(.auto, ns.onThreadStart, params);
            if (StartError != error{}) _ = result catch |err| return err;
        }

        pub fn end(params: EndParams) void {
            if (!has_end) return;
            // Whatever it returns has no one to go to.
            _ = @call(.auto, ns.onThreadEnd, params);
        }
    };
}

fn errorSetOf(comptime R: type) type {
    return switch (@typeInfo(R)) {
        .error_union => |e| e.error_set,
        else => error{},
    };
}

fn paramCount(comptime Params: type) usize {
    return reflect.fieldCount(Params);
}

/// The options of `init`: `thread_start_params` / `thread_end_params` are
/// needed only when the hook takes parameters.
pub fn Options(comptime S: type, comptime E: type) type {
    const s_free = paramCount(S) == 0;
    const e_free = paramCount(E) == 0;
    if (s_free and e_free) return struct {
        allocator: std.mem.Allocator,
        stack_size: usize = default_stack_size,
        n_jobs: usize = 1,
        thread_start_params: S = .{},
        thread_end_params: E = .{},
    };
    if (s_free) return struct {
        allocator: std.mem.Allocator,
        stack_size: usize = default_stack_size,
        n_jobs: usize = 1,
        thread_start_params: S = .{},
        thread_end_params: E,
    };
    if (e_free) return struct {
        allocator: std.mem.Allocator,
        stack_size: usize = default_stack_size,
        n_jobs: usize = 1,
        thread_start_params: S,
        thread_end_params: E = .{},
    };
    return struct {
        allocator: std.mem.Allocator,
        stack_size: usize = default_stack_size,
        n_jobs: usize = 1,
        thread_start_params: S,
        thread_end_params: E,
    };
}

const default_stack_size = if (builtin.single_threaded) 0 else std.Thread.SpawnConfig.default_stack_size;
