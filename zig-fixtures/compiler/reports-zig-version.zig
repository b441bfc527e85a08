//! A module that says which Zig compiled it, for tests of how zigport chooses the Zig version.
const builtin = @import("builtin");

/// The version of the Zig that compiled this module, such as "0.15.2".
pub fn zigVersion() []const u8 {
    return builtin.zig_version_string;
}
