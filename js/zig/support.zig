//! Which Zig types zigport can carry across the boundary, and how: as
//! values in memory (in a struct, an array, a variable or a call frame), as
//! pointers to JS memory, or wrapped for the boundary (optionals and error
//! unions, see wire.zig).
const std = @import("std");
const zigar = @import("zigar");
const layout = @import("layout.zig");
const compat = @import("compat.zig");
const returned = @import("returned.zig");
const variadic = @import("variadic.zig");

/// Whether values of `T` can be parameters or results.
pub fn isSupported(comptime T: type) bool {
    if (T == std.mem.Allocator) return true;
    // JS fills these parameters itself (calls/async-params.js).
    if (zigar.function.roleOf(T) != null) return true;
    if (holdsPackedPointers(T)) return false;
    // An optional pointer is a slot of its own, even `?[*c]T`, which lies in memory.
    if (@typeInfo(T) != .optional and isInMemory(T)) return !holdsUnwrittenPointers(T);
    return switch (@typeInfo(T)) {
        .void => true,
        // Pointers inside an optional or error-union value would reach Zig
        // without the runtime writing them; only a pointer itself may be one.
        .optional => |o| isSupported(o.child) and (@typeInfo(o.child) == .pointer or !holdsPointers(o.child)),
        .error_union => |e| isSupported(e.payload) and (@typeInfo(e.payload) == .pointer or !holdsPointers(e.payload)),
        .pointer => isPassablePointer(compat.pointerInfo(T)),
        else => false,
    };
}

/// Whether JS can read and write a `T` where it lies in memory: scalars,
/// enums, error sets (as their error code), and structs and arrays made of
/// those. Struct fields may also be
/// pointers and slices to such values (`struct { data: []const u8 }`).
pub fn isInMemory(comptime T: type) bool {
    return comptime inMemory(T, &.{});
}

/// `isInMemory`, with `seen` the types whose check is under way: a pointer
/// back to one of them (`parent: ?*Node` in `Node`) is decided by that check.
fn inMemory(comptime T: type, comptime seen: []const type) bool {
    for (seen) |S| if (S == T) return true;
    // Two addresses JS holds for Zig, never follows (types/allocator.js).
    if (T == std.mem.Allocator) return true;
    const inner = seen ++ [_]type{T};
    return switch (@typeInfo(T)) {
        // `void` takes no bytes: JS reads `undefined` wherever it lies.
        .bool, .int, .float, .error_set, .void => true,
        .@"enum" => |e| @typeInfo(e.tag_type) == .int,
        // Arrays of pointers lie in memory like structs of pointer fields.
        .array => |a| inMemory(a.child, inner) or isPointerField(a.child, inner),
        // Vectors of numbers and of pointers are laid out like arrays; of
        // bools, bit-packed.
        .vector => |v| switch (@typeInfo(v.child)) {
            .int, .float, .bool => true,
            .pointer => inMemory(v.child, inner) or isPointerField(v.child, inner),
            else => false,
        },
        .@"struct" => |s| structInMemory(s.layout, compat.structFields(T), inner),
        .optional => |o| layout.isMemoryOptional(T) or layout.isNullableErrorSet(T) or isFunctionPointer(o.child),
        .error_union => layout.isMemoryErrorUnion(T),
        // An address JS holds as a callable, not memory it reads.
        .pointer => isFunctionPointer(T),
        // Extern unions have a defined layout (all fields at offset 0);
        // tagged and bare ones the layout layout.zig assumes and checks.
        .@"union" => |u| (u.layout == .@"extern" and allInMemory(compat.unionFields(T))) or layout.isMemoryTaggedUnion(T) or
            layout.isMemoryBareUnion(T),
        else => false,
    };
}

/// Union fields: values in memory without pointers (nothing would tell JS
/// whether a pointer is the active field).
fn allInMemory(comptime fields: []const compat.Field) bool {
    for (fields) |f| if (!isInMemory(f.type) or holdsPointers(f.type)) return false;
    return true;
}

fn structInMemory(comptime container_layout: std.builtin.Type.ContainerLayout, comptime fields: []const compat.Field, comptime seen: []const type) bool {
    for (fields) |f| {
        // A comptime field takes no memory; JS sees its value, read-only.
        if (f.is_comptime) continue;
        const ok = if (container_layout == .@"packed") isBitField(f.type, seen) else inMemory(f.type, seen) or isPointerField(f.type, seen);
        if (!ok) return false;
    }
    return true;
}

/// A pointer a struct field may hold: `*T`, `[]T`, `[:0]T`, `[*]T`,
/// `[*:0]T`, `[*c]T` (const or not) or an optional of one, to values in
/// memory or, for plain slices, to such pointers (`[]const []const u8`);
/// or `*Opaque`, which JS holds as a handle.
fn isPointerField(comptime T: type, comptime seen: []const type) bool {
    return switch (@typeInfo(T)) {
        .optional => |o| @typeInfo(o.child) == .pointer and isPointerField(o.child, seen),
        .pointer => pointerFieldTarget(compat.pointerInfo(T), seen),
        else => false,
    };
}

fn pointerFieldTarget(comptime p: compat.Pointer, comptime seen: []const type) bool {
    if (isHandle(p)) return true;
    if (p.is_volatile or @typeInfo(p.child) == .@"opaque") return false;
    return switch (p.size) {
        .one => p.sentinel_ptr == null and !p.is_allowzero and inMemory(p.child, seen),
        .slice => !p.is_allowzero and (if (p.sentinel_ptr == null)
            inMemory(p.child, seen) or (@typeInfo(p.child) == .pointer and isPointerField(p.child, seen))
        else
            hasZeroSentinel(p) and inMemory(p.child, seen)),
        .many, .c => (p.size == .c or !p.is_allowzero) and (p.sentinel_ptr == null or hasZeroSentinel(p)) and
            inMemory(p.child, seen) and compat.hasSize(p.child) and @sizeOf(p.child) > 0,
    };
}

/// A sentinel JS knows how to keep: a zero integer (`[:0]u8`, `[*:0]u16`).
fn hasZeroSentinel(comptime p: compat.Pointer) bool {
    const s = p.sentinel() orelse return false;
    return @typeInfo(p.child) == .int and s == 0;
}

/// Whether a value of `T` holds, in its fields or elements, a pointer the
/// runtime does not write for a call: a handle (`*Opaque`), which only ever
/// crosses a call on its own, or a `?[*c]T` (a C pointer with a flag of its
/// own beside it). Such values lie in variables and fields JS reads in place,
/// but do not cross a call inside a value.
fn holdsUnwrittenPointers(comptime T: type) bool {
    // Two addresses the host writes itself (wire.zig).
    if (T == std.mem.Allocator) return false;
    return comptime switch (@typeInfo(T)) {
        .pointer => |p| p.size == .one and @typeInfo(p.child) == .@"opaque",
        .optional => |o| layout.isFlaggedPointer(T) or holdsUnwrittenPointers(o.child),
        .array => |a| holdsUnwrittenPointers(a.child),
        .vector => |v| holdsUnwrittenPointers(v.child),
        .@"struct" => blk: {
            for (compat.structFields(T)) |f| if (!f.is_comptime and holdsUnwrittenPointers(f.type)) break :blk true;
            break :blk false;
        },
        .@"union" => blk: {
            for (compat.unionFields(T)) |f| if (holdsUnwrittenPointers(f.type)) break :blk true;
            break :blk false;
        },
        else => false,
    };
}

/// Whether a variable or constant of type `T` can be exposed: a value in
/// memory, or a pointer JS can follow and re-point (`pub var name: []const u8`).
pub fn isStorable(comptime T: type) bool {
    return comptime isInMemory(T) or isFollowablePointer(T) or
        (@typeInfo(T) == .@"union" and layout.isPointerTaggedUnion(T)) or
        (@typeInfo(T) == .error_union and layout.isPointerErrorUnion(T));
}

/// A pointer JS can follow and re-point where it lies in memory: `*T`,
/// `[]T` or an optional of one, to values in memory.
pub fn isFollowablePointer(comptime T: type) bool {
    return comptime isPointerField(T, &.{});
}

/// `*const fn (...) R` of a function with a runtime signature. Whether JS
/// can call it (its parameters and result cross the boundary) is decided
/// where its caller is made (describe.zig), not here: a parameter may be a
/// pointer to the very struct that holds the function pointer.
pub fn isFunctionPointer(comptime T: type) bool {
    if (@typeInfo(T) != .pointer) return false;
    const p = compat.pointerInfo(T);
    if (p.size != .one or @typeInfo(p.child) != .@"fn") return false;
    const info = compat.fnInfo(p.child);
    return !info.is_generic and !info.is_var_args;
}

/// `*const fn (...) callconv(.c) R` of a variadic function, or an optional one.
fn isVariadicFunctionPointer(comptime T: type) bool {
    const P = if (@typeInfo(T) == .optional) @typeInfo(T).optional.child else T;
    if (@typeInfo(P) != .pointer) return false;
    const child = compat.pointerInfo(P).child;
    return @typeInfo(child) == .@"fn" and compat.fnInfo(child).is_var_args;
}

/// Whether a value of `T` holds pointers to data (in its fields or
/// elements, not behind them); function pointers are plain addresses.
pub fn holdsPointers(comptime T: type) bool {
    if (T == std.mem.Allocator) return false;
    return comptime switch (@typeInfo(T)) {
        .pointer => !isFunctionPointer(T),
        .optional => |o| holdsPointers(o.child),
        .array => |a| holdsPointers(a.child),
        .@"struct" => blk: {
            for (compat.structFields(T)) |f| if (!f.is_comptime and holdsPointers(f.type)) break :blk true;
            break :blk false;
        },
        .@"union" => blk: {
            for (compat.unionFields(T)) |f| if (holdsPointers(f.type)) break :blk true;
            break :blk false;
        },
        else => false,
    };
}

/// Why values of `T` cannot cross the boundary, for a declaration or
/// parameter refused for holding one.
pub fn unsupportedReason(comptime T: type) []const u8 {
    if (isVariadicFunctionPointer(T)) {
        return @typeName(T) ++ " points at a variadic function: JS cannot call one through a pointer, " ++
            "and a JS function cannot stand in for one";
    }
    if (@typeInfo(T) == .@"union" and @typeInfo(T).@"union".tag_type == null and holdsPointers(T)) {
        return "untagged union " ++ @typeName(T) ++ " holds pointers, and nothing records which field is active, " ++
            "so JS could never tell whether a pointer is valid (give the union a tag)";
    }
    if (@typeInfo(T) == .@"union" and layout.isPointerTaggedUnion(T)) {
        return "tagged union " ++ @typeName(T) ++ " holds pointers: it may be a variable or constant, " ++
            "but is not supported as a parameter, result or field yet";
    }
    if (holdsPackedPointers(T)) {
        return @typeName(T) ++ " holds a pointer in a packed struct, which only Zig's own variables may hold " ++
            "(a call cannot place or read a pointer that lies between bytes)";
    }
    return @typeName(T) ++ " is not supported yet";
}

/// Fields of packed structs: every type Zig packs whose value JS can read
/// and write from its bits (bools, integers, enums, floats, void, vectors,
/// nested packed structs, function pointers), and single-item pointers to
/// values in memory, which JS follows as it does a pointer field.
fn isBitField(comptime T: type, comptime seen: []const type) bool {
    return switch (@typeInfo(T)) {
        .bool, .int, .float, .void => true,
        .@"enum" => |e| @typeInfo(e.tag_type) == .int,
        .vector, .@"struct" => inMemory(T, seen),
        // Any pointer of one address (not a slice, which Zig does not pack).
        .pointer => isFunctionPointer(T) or (compat.pointerInfo(T).size != .slice and isPointerField(T, seen)),
        else => false,
    };
}

/// Whether a value of `T` holds a packed struct with a pointer to data in
/// it. Calls never write or read such a pointer (the runtime finds
/// pointers at byte offsets only), so such values stay in Zig's variables.
pub fn holdsPackedPointers(comptime T: type) bool {
    return comptime switch (@typeInfo(T)) {
        .optional => |o| holdsPackedPointers(o.child),
        .error_union => |e| holdsPackedPointers(e.payload),
        .array => |a| holdsPackedPointers(a.child),
        .@"struct" => |s| blk: {
            for (compat.structFields(T)) |f| {
                if (f.is_comptime) continue;
                if (s.layout == .@"packed" and holdsPointers(f.type)) break :blk true;
                if (holdsPackedPointers(f.type)) break :blk true;
            }
            break :blk false;
        },
        .@"union" => blk: {
            for (compat.unionFields(T)) |f| if (holdsPackedPointers(f.type)) break :blk true;
            break :blk false;
        },
        else => false,
    };
}

/// `*T`, `[]T` and `[:0]T` of values in memory, which the host can point at
/// JS memory, slices of those (`[]const []const u8`), many-item pointers and
/// handles.
pub fn isPassablePointer(comptime p: compat.Pointer) bool {
    if (isHandle(p)) return true;
    if (p.size == .many or p.size == .c) return isManyPointer(p);
    // `[:0]T`: JS passes the elements and the terminator after them.
    if (p.size == .slice and p.sentinel_ptr != null) {
        return !p.is_allowzero and !p.is_volatile and hasZeroSentinel(p) and pointsAtValues(p);
    }
    if (!isPlainPointer(p)) return false;
    if (p.size == .slice and @typeInfo(p.child) == .pointer) {
        const inner = compat.pointerInfo(p.child);
        return isPlainPointer(inner) and pointsAtValues(inner);
    }
    return pointsAtValues(p);
}

fn isPlainPointer(comptime p: compat.Pointer) bool {
    if (p.size != .one and p.size != .slice) return false;
    return p.sentinel_ptr == null and !p.is_allowzero and !p.is_volatile;
}

/// `*Opaque`, `*anyopaque` (and const): an address JS cannot look into,
/// held by a handle object and only ever passed back.
pub fn isHandle(comptime p: compat.Pointer) bool {
    const to_opaque = p.size == .one and @typeInfo(p.child) == .@"opaque";
    const to_c_object = (p.size == .one or p.size == .c) and isOpaqueStruct(p.child);
    return (to_opaque or to_c_object) and p.sentinel_ptr == null and (!p.is_allowzero or p.size == .c) and !p.is_volatile;
}

/// A C struct whose own fields hold handles, such as glibc's `FILE`: JS can
/// hold no value of it, so a pointer to one is a handle, as a pointer to an
/// opaque type is (C code treats it as one too).
pub fn isOpaqueStruct(comptime T: type) bool {
    return comptime @typeInfo(T) == .@"struct" and @typeInfo(T).@"struct".layout == .@"extern" and
        holdsUnwrittenPointers(T);
}

/// `[*]T`, `[*c]T` and `[*:0]T` of values in memory: JS passes memory and
/// Zig gets its address (no length; a `[*:0]` run must end in 0).
fn isManyPointer(comptime p: compat.Pointer) bool {
    if (p.is_volatile or (p.is_allowzero and p.size != .c)) return false;
    if (p.sentinel()) |s| {
        if (@typeInfo(p.child) != .int or s != 0) return false;
    }
    return pointsAtValues(p);
}

fn pointsAtValues(comptime p: compat.Pointer) bool {
    return compat.hasSize(p.child) and @sizeOf(p.child) > 0 and isInMemory(p.child) and !holdsUnwrittenPointers(p.child);
}

/// Whether a result of type `T` can be passed back: anything supported
/// but a slice of slices.
fn isReturnable(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        // A many-item pointer has no length: JS views one element of it (or
        // up to its terminator), as Zigar does. A slice may hold slices.
        .pointer => |p| @typeInfo(p.child) != .pointer or (p.size == .slice and @typeInfo(p.child).pointer.size == .slice),
        .optional => |o| isReturnable(o.child),
        .error_union => |e| isReturnable(e.payload),
        else => true,
    };
}

/// Why function type `F` cannot be exported, or null when it can.
pub fn functionProblem(comptime F: type) ?[]const u8 {
    const info = compat.fnInfo(F);
    if (info.is_generic) return "generic functions (anytype or comptime parameters) cannot be called at run time";
    if (info.is_var_args) {
        if (variadic.problem(F)) |why| return why;
    }
    for (info.params, 0..) |P, i| {
        if (!isSupported(P.?)) return std.fmt.comptimePrint("parameter {d}: {s}", .{ i, unsupportedReason(P.?) });
    }
    const R = returned.Returned(info.return_type.?);
    if (!isSupportedResult(R) or !isReturnable(R)) return "return type " ++ @typeName(info.return_type.?) ++ " is not supported yet";
    return null;
}

/// Results may also be optionals and error unions of values holding
/// pointers (`!Job`): the runtime reads those pointers after the call, when
/// the value is there.
fn isSupportedResult(comptime R: type) bool {
    return switch (@typeInfo(R)) {
        .optional => |o| isSupportedResult(o.child),
        .error_union => |e| isSupportedResult(e.payload),
        else => isSupported(R),
    };
}
