//! Declarations zigport cannot expose yet next to ones it can: importing works, and only touching the former fails.

/// A struct holding a pointer to volatile memory (a device's registers):
/// JS's reads and writes could not keep Zig's promise about each access.
pub const Message = struct { id: u32, bytes: [*]const volatile u8 };

const nothing = "";

/// A bare union holding a slice: nothing tells JS whether the slice is the
/// active field, so reading it could follow garbage.
pub const Shape = union { name: []const u8, sides: u32 };

/// A generic function: there is no single compiled version to call.
pub fn largest(comptime T: type, a: T, b: T) T {
    return @max(a, b);
}

pub fn anyEqual(a: anytype, b: anytype) bool {
    return a == b;
}

/// Slices nested two deep, which cannot cross the boundary yet.
pub fn countBytes(pages: []const []const []const u8) usize {
    var total: usize = 0;
    for (pages) |page| {
        for (page) |t| total += t.len;
    }
    return total;
}

/// A many-item pointer to many-item pointers: nothing JS could check.
pub fn firstByte(rows: [*]const [*]const u8) u8 {
    return rows[0][0];
}

pub fn send(message: Message) u32 {
    return message.id;
}

pub fn blank() Message {
    return .{ .id = 0, .bytes = nothing };
}

pub var last_message: Message = .{ .id = 0, .bytes = nothing };

/// Supported declarations in the same module keep working.
pub fn double(x: i32) i32 {
    visits += 1;
    return x * 2;
}

pub var visits: u32 = 0;

pub const version: u16 = 3;

pub const release = 2;
