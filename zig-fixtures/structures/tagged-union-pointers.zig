//! A tagged union whose fields include pointers, as a variable and a
//! constant: its tag says which pointer is valid, so JS reads and assigns it
//! in place.
var cell: u32 = 5;

pub const Value = union(enum) {
    text: []const u8,
    number: u32,
    nothing: void,
    ref: *u32,
};

pub var value: Value = .{ .text = "start" };
pub const fixed: Value = .{ .text = "fixed" };

/// What Zig sees in `value`: a text's length, a number, or what `ref` points at.
pub fn measure() usize {
    return switch (value) {
        .text => |t| t.len,
        .number => |n| n,
        .nothing => 0,
        .ref => |r| r.*,
    };
}

pub fn pointAtCell() void {
    value = .{ .ref = &cell };
}

pub fn echo(v: Value) Value {
    return v;
}
