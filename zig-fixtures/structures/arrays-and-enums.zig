//! Arrays and enums: indexing, iteration, typed-array and string forms,
//! enum lookup by name and value, non-exhaustive enums.
pub const Pet = enum(u16) { dog = 1, cat = 2, parrot = 400 };
pub const Code = enum(u8) { ok = 0, _ };

pub var scores: [4]i32 = .{ 10, 20, 30, 40 };
pub var name: [5]u8 = "zebra".*;
pub var pets: [2]Pet = .{ .cat, .dog };
pub var halves: [2]f16 = .{ 1.5, -2 };

pub fn total() i32 {
    var sum: i32 = 0;
    for (scores) |s| sum += s;
    return sum;
}

pub fn reversed(values: [3]u16) [3]u16 {
    return .{ values[2], values[1], values[0] };
}

pub fn petNumber(p: Pet) u16 {
    return @intFromEnum(p);
}

pub fn nextPet(p: Pet) Pet {
    return switch (p) {
        .dog => .cat,
        .cat => .parrot,
        .parrot => .dog,
    };
}

pub fn code(value: u8) Code {
    return @enumFromInt(value);
}
