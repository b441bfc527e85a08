//! Imports `crc32`, a dependency of the build.zig.zon beside this file: a
//! package in vendor/crc32 whose own build.zig compiles its C.
const crc32 = @import("crc32");

/// CRC-32 (IEEE) of `bytes`.
pub fn checksum(bytes: []const u8) u32 {
    return crc32.compute(bytes);
}
