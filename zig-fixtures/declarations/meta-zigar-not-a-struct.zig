//! Does not compile: `@"meta(zigar)"` is a value, not a struct of hooks.
pub var name: [3]u8 = "abc".*;

pub const @"meta(zigar)" = true;
