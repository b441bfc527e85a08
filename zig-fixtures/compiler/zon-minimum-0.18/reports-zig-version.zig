//! Reports its compiler; the build.zig.zon beside it needs at least Zig 0.18.0, newer than any zigport supports.
const builtin = @import("builtin");

/// The version of the Zig that compiled this module, such as "0.15.2".
pub fn zigVersion() []const u8 {
    return builtin.zig_version_string;
}
