//! Zigar's build hooks: a C source compiled into the module, and the folder
//! its header is found in; paths are relative to this folder.
const std = @import("std");

pub fn getCSourceFiles(_: *std.Build, _: anytype) []const []const u8 {
    return &.{"src/twice.c"};
}

pub fn getIncludePaths(_: *std.Build, _: anytype) []const []const u8 {
    return &.{"include"};
}
