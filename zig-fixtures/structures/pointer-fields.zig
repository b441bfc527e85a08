//! Structs holding pointers and slices as values: in variables, returned by
//! value or through a pointer, as array elements. Reading a pointer field of
//! Zig's memory is live; assigning one points Zig's field at JS memory.
const std = @import("std");

pub const Job = struct { data: []const u8, out: []u32 };
pub const Note = struct { text: []const u8 = "none", weight: ?*const u32 = null };
pub const Node = struct { value: u32, parent: ?*Node = null, label: []const u8 = "" };

pub var shared: Node = .{ .value = 7, .label = "shared" };
pub var root: Node = .{ .value = 1, .label = "root" };
var weight: u32 = 40;
pub var notes = [2]Note{ .{ .text = "first" }, .{ .text = "second", .weight = &weight } };

pub fn linkShared() *Node {
    shared.parent = &root;
    return &shared;
}

pub fn unlinkShared() void {
    shared.parent = null;
}

pub fn sharedLabelLength() usize {
    return shared.label.len;
}

pub fn sharedParentValue() u32 {
    return if (shared.parent) |p| p.value else 0;
}

pub fn makeJob(allocator: std.mem.Allocator, data: []const u8) Job {
    const out = allocator.alloc(u32, data.len) catch @panic("out of memory");
    for (out, data) |*o, d| o.* = d;
    return .{ .data = data, .out = out };
}

pub fn echoNote(note: Note) Note {
    return note;
}

pub fn noteWeight(index: usize) u32 {
    const w = notes[index].weight orelse return 0;
    return w.*;
}

/// A constant holding a slice: JS reads constants from a copy, so this one
/// is not exposed.
pub const fixed_note: Note = .{ .text = "fixed" };

pub fn tryJob(allocator: std.mem.Allocator, data: []const u8) !Job {
    if (data.len == 0) return error.NothingToDo;
    return makeJob(allocator, data);
}

pub fn maybeNote(yes: bool) ?Note {
    return if (yes) notes[1] else null;
}
