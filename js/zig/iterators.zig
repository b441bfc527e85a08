//! Which types JS iterates by calling their `next` (Zigar's rule): a
//! struct, union or opaque type whose public `next` takes `*Self` first,
//! then at most one `std.mem.Allocator` and at most one struct whose every
//! field has a default, and returns `?X` or `E!?X`. `for (const x of it)`
//! calls `next` until it gives null. std's iterators (`SplitIterator`,
//! `TokenIterator`, ...) qualify as well as the user's own.
const std = @import("std");
const compat = @import("compat.zig");
const support = @import("support.zig");

/// Whether `T` is an iterator whose `next` JS can call (then `T.next` is it).
pub fn isIterator(comptime T: type) bool {
    switch (@typeInfo(T)) {
        .@"struct", .@"union", .@"opaque" => {},
        else => return false,
    }
    if (!@hasDecl(T, "next")) return false;
    const F = @TypeOf(@field(T, "next"));
    if (@typeInfo(F) != .@"fn") return false;
    const info = compat.fnInfo(F);
    if (info.is_generic or info.is_var_args or !takesIteratorParams(T, info.params)) return false;
    return returnsOptional(info.return_type.?) and support.functionProblem(F) == null;
}

/// `*T` first, then at most one allocator and one all-defaults struct:
/// what JS can call without knowing more (the runtime supplies the
/// allocator; the struct may be left out).
fn takesIteratorParams(comptime T: type, comptime params: []const ?type) bool {
    if (params.len == 0 or params[0].? != *T) return false;
    var allocators = 0;
    var options = 0;
    for (params[1..]) |P| {
        if (P.? == std.mem.Allocator) {
            allocators += 1;
        } else if (allFieldsDefault(P.?)) {
            options += 1;
        } else return false;
    }
    return allocators <= 1 and options <= 1;
}

fn allFieldsDefault(comptime P: type) bool {
    if (@typeInfo(P) != .@"struct") return false;
    for (compat.structFields(P)) |f| if (f.default_value_ptr == null) return false;
    return true;
}

/// `?X` or `E!?X`: null ends the iteration.
fn returnsOptional(comptime R: type) bool {
    return switch (@typeInfo(R)) {
        .optional => true,
        .error_union => |e| @typeInfo(e.payload) == .optional,
        else => false,
    };
}
