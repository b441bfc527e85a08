//! Only `isArgument...` hooks, which concern JS callbacks (not offered yet):
//! they are accepted and change nothing; the hooks struct is not exported.
const std = @import("std");

pub var name: [3]u8 = "abc".*;

pub const @"meta(zigar)" = struct {
    pub fn isArgumentString(comptime FT: type, comptime index: usize) bool {
        _ = FT;
        return index == 0;
    }
};
