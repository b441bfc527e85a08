//! What the browser parity page checks against Node's WebAssembly mode: a
//! struct with methods, strings both ways, a Zig error thrown, output
//! printed by Zig, and memory that grows under existing objects.
const std = @import("std");

pub const Point = struct {
    x: f64,
    y: f64,

    pub fn length(self: Point) f64 {
        return @sqrt(self.x * self.x + self.y * self.y);
    }

    pub fn scaled(self: Point, factor: f64) Point {
        return .{ .x = self.x * factor, .y = self.y * factor };
    }
};

/// Vowels of a JS string passed as bytes.
pub fn countVowels(text: []const u8) usize {
    var count: usize = 0;
    for (text) |c| {
        if (std.mem.indexOfScalar(u8, "aeiouAEIOU", c) != null) count += 1;
    }
    return count;
}

/// A string returned to JS.
pub fn greeting() []const u8 {
    return "héllo from zig";
}

pub const ParityError = error{NegativeInput};

pub fn doubled(n: i32) ParityError!i32 {
    if (n < 0) return error.NegativeInput;
    return n * 2;
}

/// Prints through std.debug.print, which zigport turns into console.log.
pub fn report(n: i32) void {
    std.debug.print("report {d}\n", .{n});
}

/// Allocates `mib` MiB (growing WebAssembly memory), fills it, and sums a byte per page.
pub fn growAndSum(mib: usize) !u64 {
    const buffer = try std.heap.page_allocator.alloc(u8, mib << 20);
    defer std.heap.page_allocator.free(buffer);
    @memset(buffer, 3);
    var sum: u64 = 0;
    var i: usize = 0;
    while (i < buffer.len) : (i += 4096) sum += buffer[i];
    return sum;
}
