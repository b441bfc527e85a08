//! Functions that never return normally: one that always panics (`noreturn`)
//! and one that can only fail (`!noreturn`), as a command-line style
//! `fatal` helper and a validator would be written.
const std = @import("std");

pub fn fatal(message: []const u8) noreturn {
    std.debug.panic("fatal: {s}", .{message});
}

pub const ConfigError = error{ MissingName, NameTooLong };

pub fn rejectName(name: []const u8) ConfigError!noreturn {
    if (name.len == 0) return error.MissingName;
    return error.NameTooLong;
}

/// A pointer to a function that never returns, called through its type's caller.
pub var on_fatal: *const fn ([]const u8) noreturn = &fatal;
