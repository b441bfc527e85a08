//! A struct holding a slice of itself: trees pass into Zig from plain JS
//! objects, and trees Zig builds with an allocator come back readable.
const std = @import("std");

pub const Node = struct {
    value: u32,
    children: []const Node = &.{},
};

pub fn total(node: Node) u32 {
    var sum: u32 = node.value;
    for (node.children) |child| sum += total(child);
    return sum;
}

pub fn depth(node: *const Node) u32 {
    var deepest: u32 = 0;
    for (node.children) |*child| deepest = @max(deepest, depth(child));
    return deepest + 1;
}

/// A full binary tree `levels` deep, each node holding its level.
pub fn build(allocator: std.mem.Allocator, levels: u32) !Node {
    if (levels <= 1) return .{ .value = 1 };
    const children = try allocator.alloc(Node, 2);
    for (children) |*child| child.* = try build(allocator, levels - 1);
    return .{ .value = levels, .children = children };
}
