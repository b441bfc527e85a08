//! A `next` that returns `E!?X`: its Zig error is thrown from the JS
//! iteration at the item where it happens.
pub const Countdown = struct {
    left: i32,
    fail_at: i32,

    pub fn next(self: *Countdown) error{ReachedTrapdoor}!?i32 {
        if (self.left == self.fail_at) return error.ReachedTrapdoor;
        if (self.left == 0) return null;
        defer self.left -= 1;
        return self.left;
    }
};

pub fn countdown(from: i32, fail_at: i32) Countdown {
    return .{ .left = from, .fail_at = fail_at };
}
