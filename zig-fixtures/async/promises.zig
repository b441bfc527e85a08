//! Functions taking a zigar Promise: the JS call returns a promise that Zig
//! settles during the call, with a value or an error.
const zigar = @import("zigar");

pub fn resolveNow(x: i32, promise: zigar.function.Promise(i32)) void {
    promise.resolve(x * 2);
}

pub fn failNow(promise: zigar.function.Promise(error{Refused}!i32)) void {
    promise.resolve(error.Refused);
}

/// Returns a value of its own: the promise settles with it at once.
pub fn returnsToo(x: i32, promise: zigar.function.Promise(i32)) i32 {
    _ = promise;
    return x + 1;
}

/// Fails before settling: the promise rejects with the error.
pub fn failsFirst(x: i32, promise: zigar.function.Promise(i32)) !void {
    if (x < 0) return error.Negative;
    promise.resolve(x);
}


var deferred: ?zigar.function.Promise([]const u8) = null;

/// Keeps the promise; a later call settles it.
pub fn defer_(promise: zigar.function.Promise([]const u8)) void {
    deferred = promise;
}

/// Settles the promise `defer_` kept, from this later call.
pub fn settleDeferred(text: []const u8) bool {
    const promise = deferred orelse return false;
    deferred = null;
    promise.resolve(text);
    return true;
}
