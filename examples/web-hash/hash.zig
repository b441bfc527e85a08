//! The web example's Zig half: SHA-256 of bytes the page hands over.
const std = @import("std");

/// SHA-256 of `data`, as 64 lowercase hex digits.
pub fn sha256Hex(data: []const u8) [64]u8 {
    var digest: [32]u8 = undefined;
    std.crypto.hash.sha2.Sha256.hash(data, &digest, .{});
    return std.fmt.bytesToHex(digest, .lower);
}
