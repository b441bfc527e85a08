//! Packed structs holding vectors, function pointers and pointers, which
//! Zig 0.15 packs (0.16 and later refuse them). Zig 0.15 stores such a
//! struct as zeros when a variable of it is initialized at compile time, so
//! the variables here are set by a function call instead.

fn double(x: i32) i32 {
    return x * 2;
}

fn negate(x: i32) i32 {
    return -x;
}

/// A control register: a lane mask, a step, and the operation to run.
pub const Control = packed struct {
    lanes: @Vector(4, bool),
    busy: bool,
    step: u3,
    op: *const fn (i32) i32,
};

pub var control: Control = undefined;

pub fn negateOp() *const fn (i32) i32 {
    return &negate;
}

pub fn runOp(x: i32) i32 {
    return control.op(x);
}

pub fn laneCount() u32 {
    const lanes: [4]bool = control.lanes;
    var n: u32 = 0;
    for (lanes) |l| n += @intFromBool(l);
    return n;
}

var first: i32 = 11;
var second: i32 = 22;

/// A pointer on a byte boundary and one between bytes.
pub const Cursor = packed struct {
    at: *i32,
    moved: bool,
    off: *const i32,
};

pub var cursor: Cursor = undefined;

/// Sets both variables to their first values.
pub fn reset() void {
    first = 11;
    control = .{ .lanes = .{ true, false, true, false }, .busy = false, .step = 5, .op = &double };
    cursor = .{ .at = &first, .moved = false, .off = &second };
}

pub fn secondTarget() *i32 {
    return &second;
}

pub fn cursorValue() i32 {
    return cursor.at.*;
}

pub fn bumpFirst() void {
    first += 1;
}

/// Not exported: a call cannot carry the pointer inside the packed struct.
pub fn followCursor(c: Cursor) i32 {
    return c.at.*;
}
