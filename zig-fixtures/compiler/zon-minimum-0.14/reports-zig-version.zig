//! Reports its compiler; the build.zig.zon beside it needs at least Zig 0.14.0, which the default already meets.
const builtin = @import("builtin");

/// The version of the Zig that compiled this module, such as "0.15.2".
pub fn zigVersion() []const u8 {
    return builtin.zig_version_string;
}
