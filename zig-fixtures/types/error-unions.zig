//! Error unions (`E!T`, `!void`, `E!?T`): a returned error is thrown in JS, the payload returned otherwise.

pub const Trouble = error{ SystemIsOnFire, access_denied, HTTPFailure, OutOfCoffee };

/// error.SystemIsOnFire when `on_fire`, otherwise 42.
pub fn ignite(on_fire: bool) Trouble!i32 {
    if (on_fire) return error.SystemIsOnFire;
    return 42;
}

/// A snake_case error name.
pub fn enter(allowed: bool) Trouble!u64 {
    if (!allowed) return error.access_denied;
    return 1 << 63;
}

/// An inferred error set with an acronym in a name.
pub fn fetch(status: u16) !f64 {
    if (status != 200) return error.HTTPFailure;
    return 0.5;
}

pub fn brew(cups: u8) !void {
    if (cups == 0) return error.OutOfCoffee;
}

/// Negative: an error; 0: null; otherwise the key doubled.
pub fn lookup(key: i32) Trouble!?i32 {
    if (key < 0) return error.access_denied;
    if (key == 0) return null;
    return key * 2;
}

/// The same function can fail with different errors.
pub fn pick(which: u8) Trouble!i128 {
    return switch (which) {
        0 => error.SystemIsOnFire,
        1 => error.access_denied,
        2 => error.HTTPFailure,
        else => -(1 << 100),
    };
}

/// An error name with no letters at all.
pub fn underscores() !void {
    return error.__;
}
