//! The zigar module's small switches: thread.use/end on the JS thread,
//! console redirection, and release of a pointer to a Zig function.
const zigar = @import("zigar");

pub fn useThreads() !void {
    try zigar.thread.use();
    try zigar.thread.use();
    zigar.thread.end();
    zigar.thread.end();
    zigar.thread.end(); // one too many: ignored
}

fn local() void {}

pub fn redirectOwn() !void {
    try zigar.io.redirect(&local);
}

pub fn releaseZigFunction() void {
    zigar.function.release(&local);
}

pub fn promiseTypes() bool {
    const P = zigar.function.PromiseOf(add);
    const Q = zigar.function.PromiseArgOf(withPromise);
    return P == zigar.function.Promise(i32) and Q == zigar.function.Promise(error{Bad}!u8);
}

fn add(a: i32, b: i32) i32 {
    return a + b;
}

fn withPromise(x: u8, promise: zigar.function.Promise(error{Bad}!u8)) void {
    promise.resolve(x);
}
