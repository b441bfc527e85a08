//! Does not compile: `@"meta(zigar)"` declares no hook.
pub var name: [3]u8 = "abc".*;

pub const @"meta(zigar)" = struct {};
