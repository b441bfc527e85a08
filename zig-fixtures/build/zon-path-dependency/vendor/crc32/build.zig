//! A small C library packaged for Zig: the module `crc32` with crc32.c compiled in.
const std = @import("std");

pub fn build(b: *std.Build) void {
    const target = b.standardTargetOptions(.{});
    const optimize = b.standardOptimizeOption(.{});
    const module = b.addModule("crc32", .{
        .root_source_file = b.path("crc32.zig"),
        .target = target,
        .optimize = optimize,
    });
    module.addIncludePath(b.path("."));
    module.addCSourceFile(.{ .file = b.path("crc32.c") });
}
