//! What Zig gets back when a JS function it called throws or returns the
//! wrong thing.
pub const ParseError = error{ Empty, TooLong };

pub fn parse(f: *const fn () ParseError!u32) ParseError!u32 {
    return f();
}

pub fn parseAny(f: *const fn () anyerror!u32) anyerror!u32 {
    return f();
}

pub fn total(f: *const fn (u32) u32) u32 {
    return f(1) + f(2);
}

pub fn strict(f: *const fn () error{Only}!u32) u32 {
    return f() catch 7;
}

/// What a JS function returning a promise gives Zig (it cannot wait).
pub fn awaited(f: *const fn () anyerror!u32) anyerror!u32 {
    return f();
}
