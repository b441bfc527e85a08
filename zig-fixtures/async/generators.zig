//! Functions taking a zigar Generator: the JS call returns an async
//! iterable that Zig feeds during the call, ends, fails, or pipes an
//! iterator into.
const std = @import("std");
const zigar = @import("zigar");

/// Yields 0..n-1 during the call, then ends.
pub fn countTo(n: u32, generator: zigar.function.Generator(?u32, false)) void {
    var i: u32 = 0;
    while (i < n) : (i += 1) {
        if (!generator.yield(i)) return;
    }
    generator.end();
}

/// Yields two items, then an error.
pub fn failAfterTwo(generator: zigar.function.Generator(error{Broken}!?u32, false)) void {
    _ = generator.yield(1);
    _ = generator.yield(2);
    _ = generator.yield(error.Broken);
}

const Words = struct {
    inner: std.mem.TokenIterator(u8, .scalar),
    pub fn next(self: *Words) ?[]const u8 {
        return self.inner.next();
    }
};

/// Pipes an iterator into the generator.
pub fn words(generator: zigar.function.Generator(?[]const u8, false)) void {
    var it: Words = .{ .inner = std.mem.tokenizeScalar(u8, "to be or not", ' ') };
    generator.pipe(&it);
}

const Countdown = struct {
    left: u32,
    pub fn next(self: *Countdown) ?u32 {
        if (self.left == 0) return null;
        self.left -= 1;
        return self.left;
    }
};

fn countdown(from: u32) Countdown {
    return .{ .left = from };
}

/// A generator typed from an iterator-returning function, fed by piping it.
pub fn countDown(from: u32, generator: zigar.function.GeneratorOf(countdown)) void {
    generator.pipe(countdown(from));
}
