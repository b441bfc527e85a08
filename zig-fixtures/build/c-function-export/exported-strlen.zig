//! Exports a libc function itself, as Zigar users do.
const c = @import("c");

pub const strlen = c.strlen;
