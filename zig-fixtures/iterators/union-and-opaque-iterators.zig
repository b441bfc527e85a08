//! Unions and opaque types are iterators too when their `next` takes
//! `*Self` and returns an optional.
pub const Source = union(enum) {
    countdown: u8,
    letters: struct { at: u8 = 'a', end: u8 },

    pub fn next(self: *Source) ?u8 {
        switch (self.*) {
            .countdown => |*left| {
                if (left.* == 0) return null;
                left.* -= 1;
                return left.* + 1;
            },
            .letters => |*l| {
                if (l.at >= l.end) return null;
                defer l.at += 1;
                return l.at;
            },
        }
    }
};

pub fn countdownSource(from: u8) Source {
    return .{ .countdown = from };
}

pub fn letterSource(end: u8) Source {
    return .{ .letters = .{ .end = end } };
}

/// JS only ever holds a handle to a Cursor.
pub const Cursor = opaque {
    pub fn next(self: *Cursor) ?u16 {
        const state: *State = @ptrCast(@alignCast(self));
        if (state.at >= state.end) return null;
        defer state.at += 1;
        return state.at * 10;
    }
};

const State = struct { at: u16, end: u16 };

var states: [4]State = undefined;

pub fn openCursor(slot: u8, end: u16) *Cursor {
    states[slot] = .{ .at = 0, .end = end };
    return @ptrCast(&states[slot]);
}
