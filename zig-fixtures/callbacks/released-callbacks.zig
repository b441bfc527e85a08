//! A function type has a fixed number of trampolines: JS functions bound to
//! all of them must be released before more can be bound.
const zigar = @import("zigar");

pub const Callback = *const fn (u32) u32;
var kept: [80]?Callback = @splat(null);

pub fn keep(index: usize, f: Callback) u32 {
    kept[index] = f;
    return f(@intCast(index));
}

pub fn callKept(index: usize) u32 {
    return if (kept[index]) |f| f(@intCast(index)) else 0;
}

pub fn release(index: usize) void {
    if (kept[index]) |f| zigar.function.release(f);
    kept[index] = null;
}
