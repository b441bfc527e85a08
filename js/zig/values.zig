//! Comptime values as descriptor JSON, read by the type the descriptor
//! gives them: numbers as strings (integers wider than 53 bits keep every
//! digit), bools as booleans, enum values and enum literals by name, null
//! and undefined as null, optionals as null or their value, arrays, vectors
//! and slices as arrays, a pointer to comptime values as its target,
//! structs as objects, a tagged union as an object of its active field, a
//! type as `{"type":N}` (its index in the type table) and a function as
//! `{"function":N}` (its index in the descriptor's functions, which gives
//! it a thunk) or, when zigport cannot call it, `{"unsupported":reason}`.
const std = @import("std");
const json = @import("json.zig");
const compat = @import("compat.zig");
const support = @import("support.zig");
const TypeTable = @import("type_table.zig").TypeTable;

/// `v` as JSON; `where` names it for JS (`ops[0]`, `Config.mode`), which is
/// also the name a function found there goes by.
pub fn render(comptime table: *TypeTable, comptime v: anytype, comptime where: []const u8) []const u8 {
    const T = @TypeOf(v);
    return switch (@typeInfo(T)) {
        .type => std.fmt.comptimePrint("{{\"type\":{d}}}", .{table.id(v)}),
        .@"fn" => if (support.functionProblem(T)) |why|
            "{\"unsupported\":" ++ json.string(why) ++ "}"
        else
            std.fmt.comptimePrint("{{\"function\":{d}}}", .{table.function(v, where)}),
        .null, .undefined => "null",
        .bool => if (v) "true" else "false",
        .int, .comptime_int, .comptime_float => json.number(v),
        .float => if (std.math.isFinite(v)) json.number(v) else json.string(std.fmt.comptimePrint("{d}", .{v})),
        .@"enum", .enum_literal => json.string(@tagName(v)),
        .error_set => json.string(@errorName(v)),
        // Holding `undefined`, the value may itself be undefined: nothing to inspect.
        .optional => |o| if (o.child == @TypeOf(undefined)) "null" else if (v) |x| render(table, x, where) else "null",
        // A comptime-only one is its payload or `{"error":name,"code":N}`; for a
        // run-time default, an error cannot be written back from JS, the payload can.
        .error_union => |e| if (e.payload == @TypeOf(undefined)) "null" else if (v) |x| render(table, x, where) else |err|
            if (compat.isComptimeOnly(T)) std.fmt.comptimePrint("{{\"error\":{s},\"code\":{d}}}", .{ json.string(@errorName(err)), @intFromError(err) }) else "null",
        .array => elements(table, &v, where),
        .vector => |vector| elements(table, &@as([vector.len]vector.child, v), where),
        .@"struct" => |s| blk: {
            var out: []const u8 = "{";
            for (compat.structFields(T), 0..) |f, i| {
                const path = if (s.is_tuple) where ++ "[" ++ f.name ++ "]" else where ++ "." ++ f.name;
                out = out ++ (if (i > 0) "," else "") ++ json.string(f.name) ++ ":" ++ render(table, @field(v, f.name), path);
            }
            break :blk out ++ "}";
        },
        // A tagged union as its active field; Zig does not say a bare one's.
        .@"union" => |u| if (u.tag_type == null) "{}" else "{" ++ json.string(@tagName(v)) ++ ":" ++
            render(table, @field(v, @tagName(v)), where ++ "." ++ @tagName(v)) ++ "}",
        // A function pointer as the function it points at.
        .pointer => if (support.isFunctionPointer(T)) render(table, v.*, where) else pointee(table, v, where),
        else => "null",
    };
}

/// A pointer to comptime-only values as what it points at (a slice as its
/// elements); a byte slice as text (`name: []const u8 = "none"`), and an
/// empty slice as no elements (`children: []const Node = &.{}`). Other
/// pointers are null: what they point at may be a variable, which cannot be
/// read while compiling.
fn pointee(comptime table: *TypeTable, comptime v: anytype, comptime where: []const u8) []const u8 {
    const p = compat.pointerInfo(@TypeOf(v));
    if (!compat.isComptimeOnly(@TypeOf(v))) {
        if (p.size == .slice and p.child == u8) return json.string(v);
        return if (p.size == .slice and v.len == 0) "[]" else "null";
    }
    return if (p.size == .slice) elements(table, v, where) else render(table, v.*, where);
}

fn elements(comptime table: *TypeTable, comptime items: anytype, comptime where: []const u8) []const u8 {
    comptime var list: []const []const u8 = &.{};
    inline for (items, 0..) |item, i| {
        list = list ++ [_][]const u8{render(table, item, std.fmt.comptimePrint("{s}[{d}]", .{ where, i }))};
    }
    return json.array(list);
}
