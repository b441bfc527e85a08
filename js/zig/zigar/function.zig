//! Asynchronous results for JS, built on JS functions standing in for Zig
//! function pointers.
//! - A parameter of type `Promise(T)` makes the JS call return a promise
//!   (or call the `callback` option): Zig settles it with `resolve`, from
//!   any thread, during the call or later.
//! - A parameter of type `Generator(T, need_allocator)` makes the JS call
//!   return an async iterable fed by `yield` (false when JS stopped).
//! - A parameter of type `AbortSignal` reads the `signal` option's state.
//! JS fills these parameters itself; the caller never passes them.
const std = @import("std");
const reflect = @import("reflect.zig");
const host = @import("host.zig");

/// What a parameter type is to JS (the exporter reads this declaration).
pub const Role = enum { promise, generator, abort_signal };

/// Frees the trampoline behind `f` when a JS function is bound to it: the
/// next time JS hands over that function, it gets a new one. Pointers to
/// Zig functions are left alone.
pub fn release(f: anytype) void {
    const T = @TypeOf(f);
    if (@typeInfo(T) != .pointer or @typeInfo(@typeInfo(T).pointer.child) != .@"fn") {
        @compileError("release() takes a function pointer, not " ++ @typeName(T));
    }
    host.release(@intFromPtr(f));
}

/// A callback of type `*const fn (?*anyopaque, Args...) R` from a function
/// or function pointer whose first parameter is any pointer.
fn callbackOf(comptime Fn: type, cb: anytype) *const Fn {
    const T = @TypeOf(cb);
    return switch (@typeInfo(T)) {
        .@"fn" => @ptrCast(&cb),
        .pointer => @ptrCast(cb),
        else => @compileError("expected a function, received " ++ @typeName(T)),
    };
}

/// The promise a JS call returns, settled with `resolve(value)`: an error
/// rejects it, anything else fulfils it. Settle it once.
pub fn Promise(comptime T: type) type {
    return struct {
        ptr: ?*anyopaque = null,
        callback: *const fn (?*anyopaque, T) void,

        pub const payload = T;
        pub const zigar_role: Role = .promise;

        pub fn init(ptr: ?*const anyopaque, cb: anytype) @This() {
            return .{ .ptr = @constCast(ptr), .callback = callbackOf(fn (?*anyopaque, T) void, cb) };
        }

        pub fn resolve(self: @This(), value: T) void {
            self.callback(self.ptr, value);
        }

        /// The same promise, taking any error.
        pub fn any(self: @This()) Promise(reflect.Any(T)) {
            return .{ .ptr = self.ptr, .callback = @ptrCast(self.callback) };
        }

        /// A promise to hand to `count` workers: the first error settles
        /// this one at once; otherwise the last value does, once all came.
        pub fn partition(self: @This(), allocator: std.mem.Allocator, count: usize) !@This() {
            if (count == 1) return self;
            const Parts = struct {
                allocator: std.mem.Allocator,
                whole: Promise(T),
                left: std.atomic.Value(usize),
                settled: std.atomic.Value(bool) = .init(false),

                fn part(parts: *@This(), value: T) void {
                    const failed = if (@typeInfo(T) == .error_union) std.meta.isError(value) else false;
                    const last = parts.left.fetchSub(1, .acq_rel) == 1;
                    if ((failed or last) and !parts.settled.swap(true, .acq_rel)) parts.whole.resolve(value);
                    if (last) parts.allocator.destroy(parts);
                }
            };
            const parts = try allocator.create(Parts);
            parts.* = .{ .allocator = allocator, .whole = self, .left = .init(count) };
            return init(parts, Parts.part);
        }
    };
}

/// The promise type for a function returning what `f` returns.
pub fn PromiseOf(comptime f: anytype) type {
    return Promise(reflect.returnType(reflect.FunctionType(f)));
}

/// The type of `f`'s promise parameter.
pub fn PromiseArgOf(comptime f: anytype) type {
    return argOf(f, .promise);
}

fn argOf(comptime f: anytype, comptime role: Role) type {
    const F = reflect.FunctionType(f);
    for (reflect.paramTypes(F)) |P| {
        if (P) |T| if (roleOf(T) == role) return T;
    }
    @compileError("no " ++ @tagName(role) ++ " parameter in " ++ @typeName(F));
}

/// What `T` is to JS, if it is one of this module's parameter types.
pub fn roleOf(comptime T: type) ?Role {
    switch (@typeInfo(T)) {
        .@"struct" => {},
        else => return null,
    }
    if (!@hasDecl(T, "zigar_role")) return null;
    return if (@TypeOf(T.zigar_role) == Role) T.zigar_role else null;
}

/// An async iterable JS receives, fed with `yield(value)`; `T` is `?X` or
/// `E!?X`, and null (or `end()`) finishes it, an error throws from it.
/// `yield` returns false once JS stopped iterating. With `need_allocator`,
/// items may be allocated with `allocator`, which JS frees after each.
pub fn Generator(comptime T: type, comptime need_allocator: bool) type {
    if (!reflect.isIteratorResult(T)) @compileError("a generator yields an optional (or an error union of one), not " ++ @typeName(T));
    return if (need_allocator) struct {
        allocator: std.mem.Allocator,
        ptr: ?*anyopaque = null,
        callback: *const fn (std.mem.Allocator, ?*anyopaque, T) bool,

        pub const payload = T;
        pub const zigar_role: Role = .generator;
        const Self = @This();

        pub fn yield(self: Self, value: T) bool {
            return self.callback(self.allocator, self.ptr, value);
        }

        pub fn end(self: Self) void {
            _ = self.yield(null);
        }

        pub fn pipe(self: Self, iterator: anytype) void {
            pipeInto(self, iterator, true);
        }

        pub fn any(self: Self) Generator(reflect.Any(T), true) {
            return .{ .allocator = self.allocator, .ptr = self.ptr, .callback = @ptrCast(self.callback) };
        }
    } else struct {
        ptr: ?*anyopaque = null,
        callback: *const fn (?*anyopaque, T) bool,

        pub const payload = T;
        pub const zigar_role: Role = .generator;
        const Self = @This();

        pub fn init(ptr: ?*const anyopaque, cb: anytype) Self {
            return .{ .ptr = @constCast(ptr), .callback = callbackOf(fn (?*anyopaque, T) bool, cb) };
        }

        pub fn yield(self: Self, value: T) bool {
            return self.callback(self.ptr, value);
        }

        pub fn end(self: Self) void {
            _ = self.yield(null);
        }

        pub fn pipe(self: Self, iterator: anytype) void {
            pipeInto(self, iterator, false);
        }

        pub fn any(self: Self) Generator(reflect.Any(T), false) {
            return .{ .ptr = self.ptr, .callback = @ptrCast(self.callback) };
        }
    };
}

/// Yields what `iterator` (or an error union of one) gives until it ends,
/// fails, or JS stops; then calls its `deinit` when it has one.
fn pipeInto(generator: anytype, iterator: anytype, comptime allocating: bool) void {
    var it = switch (@typeInfo(@TypeOf(iterator))) {
        .error_union => iterator catch |err| {
            _ = generator.yield(err);
            return;
        },
        else => iterator,
    };
    const I = switch (@typeInfo(@TypeOf(it))) {
        .pointer => |p| p.child,
        else => @TypeOf(it),
    };
    defer if (@hasDecl(I, "deinit")) it.deinit();
    while (true) {
        const item = if (allocating) it.next(generator.allocator) else it.next();
        if (!generator.yield(item)) return;
        const done = switch (@typeInfo(@TypeOf(item))) {
            .error_union => if (item) |v| v == null else |_| true,
            else => item == null,
        };
        if (done) return;
    }
}

/// The generator type for a function returning an iterator like `f`'s.
pub fn GeneratorOf(comptime f: anytype) type {
    const R = reflect.returnType(reflect.FunctionType(f));
    const next = reflect.iteratorNext(R) orelse @compileError(@typeName(R) ++ " is not an iterator");
    return Generator(next.result, next.allocating);
}

/// The type of `f`'s generator parameter.
pub fn GeneratorArgOf(comptime f: anytype) type {
    return argOf(f, .generator);
}

/// The state of the JS `AbortSignal` given as the `signal` option, which
/// JS sets when it aborts.
pub const AbortSignal = struct {
    ptr: *const volatile i32,

    pub const zigar_role: Role = .abort_signal;

    pub inline fn on(self: AbortSignal) bool {
        return @atomicLoad(i32, @volatileCast(self.ptr), .acquire) != 0;
    }

    pub inline fn off(self: AbortSignal) bool {
        return !self.on();
    }
};
