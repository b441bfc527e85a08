//! A struct whose `next` takes `*Self` and returns `?u32` iterates in JS,
//! however JS comes to hold it: returned by value, through a pointer to a
//! variable, or as the payload of an optional or error union.
pub const Counter = struct {
    at: u32 = 0,
    end: u32,

    pub fn next(self: *Counter) ?u32 {
        if (self.at >= self.end) return null;
        defer self.at += 1;
        return self.at;
    }
};

pub fn count(end: u32) Counter {
    return .{ .end = end };
}

pub var shared: Counter = .{ .end = 3 };

pub fn sharedCounter() *Counter {
    return &shared;
}

pub fn maybeCount(end: u32) ?Counter {
    if (end == 0) return null;
    return .{ .end = end };
}

pub fn checkedCount(end: u32) error{TooMany}!Counter {
    if (end > 100) return error.TooMany;
    return .{ .end = end };
}

/// An iterator over structs: each item is a struct object of its own.
pub const Pair = struct { index: u32, square: u32 };

pub const Squares = struct {
    at: u32 = 0,
    end: u32,

    pub fn next(self: *Squares) ?Pair {
        if (self.at >= self.end) return null;
        defer self.at += 1;
        return .{ .index = self.at, .square = self.at * self.at };
    }
};

pub fn squares(end: u32) Squares {
    return .{ .end = end };
}

/// Constant: its next() cannot run on it.
pub const fixed: Counter = .{ .end = 2 };
