//! A `next` may take, besides `*Self`, one struct whose fields all have
//! defaults (JS passes it to `[Symbol.iterator]`, `{}` when left out) and
//! one `std.mem.Allocator` (the runtime supplies it).
const std = @import("std");

pub const Stepper = struct {
    at: u32 = 0,
    end: u32,

    pub const Options = struct { step: u32 = 1, scale: u32 = 1 };

    pub fn next(self: *Stepper, options: Options) ?u32 {
        if (self.at >= self.end) return null;
        defer self.at += options.step;
        return self.at * options.scale;
    }
};

pub fn stepper(end: u32) Stepper {
    return .{ .end = end };
}

/// Each item is text made with the allocator the runtime passes.
pub const Labels = struct {
    at: u32 = 0,
    end: u32,

    pub fn next(self: *Labels, allocator: std.mem.Allocator) !?[]const u8 {
        if (self.at >= self.end) return null;
        defer self.at += 1;
        return try std.fmt.allocPrint(allocator, "label-{d}", .{self.at});
    }
};

pub fn labels(end: u32) Labels {
    return .{ .end = end };
}

/// Both at once, in either order.
pub const Repeater = struct {
    left: u32,

    pub fn next(self: *Repeater, options: struct { text: []const u8 = "ab", times: u32 = 2 }, allocator: std.mem.Allocator) !?[]const u8 {
        if (self.left == 0) return null;
        self.left -= 1;
        const out = try allocator.alloc(u8, options.text.len * options.times);
        for (0..options.times) |i| @memcpy(out[i * options.text.len ..][0..options.text.len], options.text);
        return out;
    }
};

pub fn repeater(count: u32) Repeater {
    return .{ .left = count };
}

/// Not iterators: `next` takes another parameter, returns no optional, or
/// does not take `*Self`. These iterate as plain structs do.
pub const NeedsNumber = struct {
    value: u32 = 1,

    pub fn next(self: *NeedsNumber, by: u32) ?u32 {
        self.value += by;
        return self.value;
    }
};

pub const NeverEnds = struct {
    value: u32 = 1,

    pub fn next(self: *NeverEnds) u32 {
        self.value += 1;
        return self.value;
    }
};

pub const ByValue = struct {
    value: u32 = 1,

    pub fn next(self: ByValue) ?u32 {
        return self.value;
    }
};
