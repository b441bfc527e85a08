//! Variables and constants whose type is, or holds, a pointer: JS reads what
//! they point at and re-points them by assignment.
const std = @import("std");

var readings = [_]u32{ 1, 2, 3, 4 };
var spare = [_]u32{ 10, 20 };

pub var window: []u32 = &readings;
pub var current: *u32 = &readings[0];
pub var chosen: ?*u32 = null;
pub var label: []const u8 = "zig";
pub var note: ?[]const u8 = null;
pub var ends: [2]*const u32 = .{ &readings[0], &readings[3] };

pub const greeting: []const u8 = "hello";
pub const title = "zigport";
pub const Tagged = struct { text: []const u8, weight: u32 };
pub const tagged: Tagged = .{ .text = "abc", .weight = 3 };
pub var record: Tagged = .{ .text = "first", .weight = 1 };

pub fn windowTotal() u32 {
    var total: u32 = 0;
    for (window) |n| total += n;
    return total;
}

pub fn useSpare() void {
    window = &spare;
}

pub fn useReadings() void {
    window = &readings;
}

pub fn labelLength() usize {
    return label.len;
}

pub fn chosenValue() ?u32 {
    return if (chosen) |p| p.* else null;
}

pub fn endsSum() u32 {
    return ends[0].* + ends[1].*;
}

pub fn recordTextLength() usize {
    return record.text.len;
}

pub fn noteLength() usize {
    return if (note) |n| n.len else 0;
}
