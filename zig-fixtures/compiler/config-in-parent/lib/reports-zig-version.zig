//! Reports its compiler; the zigport.config.json one directory up asks for Zig 0.16.
const builtin = @import("builtin");

/// The version of the Zig that compiled this module, such as "0.15.2".
pub fn zigVersion() []const u8 {
    return builtin.zig_version_string;
}
