//! The exporter's one view of Zig's type reflection, the same on every Zig
//! zigport supports. `@typeInfo` changes shape between releases (0.16 made
//! pointer alignment optional; 0.17 turned field, parameter and declaration
//! lists into parallel arrays of names, types and attributes), so the rest
//! of `js/zig/` reads fields, parameters, declarations, enum members, error
//! names and pointer attributes only through the functions here. Tags of
//! `@typeInfo` and payloads that did not change (`int`, `float`, `array`,
//! `vector`, `optional`, `error_union`, a struct's `layout` and `is_tuple`,
//! a union's `tag_type`) are still read directly.
//!
//! Builtins whose very name differs (`@Type` against `@Struct`/`@Int`) cannot
//! be switched here, since an unknown builtin fails to compile even in an
//! untaken branch: they live in the `zig_builtins` module, a file per Zig
//! line that the compiler driver chooses (`js/zig/builtins/`).
const std = @import("std");
const builtin = @import("builtin");

/// Zig 0.17 and later describe containers and functions as parallel arrays.
const parallel_arrays = builtin.zig_version.order(.{ .major = 0, .minor = 17, .patch = 0 }) != .lt;

/// A struct or union field.
pub const Field = struct {
    name: [:0]const u8,
    type: type,
    is_comptime: bool = false,
    /// Points at a value of `type` (a struct field's default), or is null.
    default_value_ptr: ?*const anyopaque = null,

    /// The default of a field that has one (a comptime field always does),
    /// also of a type no optional can wrap (`@TypeOf(null)`).
    pub fn fixedValue(comptime f: Field) f.type {
        const ptr: *const f.type = @ptrCast(@alignCast(f.default_value_ptr.?));
        return ptr.*;
    }
};

/// The fields of struct type `T`, in declaration order.
pub fn structFields(comptime T: type) []const Field {
    const s = @typeInfo(T).@"struct";
    comptime var list: []const Field = &.{};
    if (parallel_arrays) {
        inline for (s.field_names, s.field_types, s.field_attrs) |name, FieldType, attrs| {
            list = list ++ [_]Field{.{
                .name = name,
                .type = FieldType,
                .is_comptime = attrs.@"comptime",
                .default_value_ptr = attrs.default_value_ptr,
            }};
        }
    } else {
        inline for (s.fields) |f| {
            list = list ++ [_]Field{.{
                .name = f.name,
                .type = f.type,
                .is_comptime = f.is_comptime,
                .default_value_ptr = f.default_value_ptr,
            }};
        }
    }
    return list;
}

/// The fields of union type `T`, in declaration order.
pub fn unionFields(comptime T: type) []const Field {
    const u = @typeInfo(T).@"union";
    comptime var list: []const Field = &.{};
    if (parallel_arrays) {
        inline for (u.field_names, u.field_types) |name, FieldType| {
            list = list ++ [_]Field{.{ .name = name, .type = FieldType }};
        }
    } else {
        inline for (u.fields) |f| list = list ++ [_]Field{.{ .name = f.name, .type = f.type }};
    }
    return list;
}

/// One member of an enum.
pub const EnumMember = struct { name: [:0]const u8, value: comptime_int };

/// The members of enum type `E`, in declaration order.
pub fn enumMembers(comptime E: type) []const EnumMember {
    const e = @typeInfo(E).@"enum";
    comptime var list: []const EnumMember = &.{};
    if (parallel_arrays) {
        inline for (e.field_names, e.field_values) |name, value| {
            list = list ++ [_]EnumMember{.{ .name = name, .value = value }};
        }
    } else {
        inline for (e.fields) |f| list = list ++ [_]EnumMember{.{ .name = f.name, .value = f.value }};
    }
    return list;
}

/// Whether enum type `E` lists every value it can hold.
pub fn isExhaustive(comptime E: type) bool {
    const e = @typeInfo(E).@"enum";
    return if (parallel_arrays) e.mode == .exhaustive else e.is_exhaustive;
}

/// The names of error set `E`'s errors, or null for `anyerror`.
pub fn errorNames(comptime E: type) ?[]const [:0]const u8 {
    const set = @typeInfo(E).error_set;
    if (parallel_arrays) return set.error_names;
    const errors = set orelse return null;
    comptime var names: []const [:0]const u8 = &.{};
    inline for (errors) |e| names = names ++ [_][:0]const u8{e.name};
    return names;
}

/// The names of the public declarations of container type `T` (none for
/// other types).
pub fn declNames(comptime T: type) []const [:0]const u8 {
    switch (@typeInfo(T)) {
        inline .@"struct", .@"union", .@"enum", .@"opaque" => |info| {
            if (parallel_arrays) return info.decl_names;
            comptime var names: []const [:0]const u8 = &.{};
            inline for (info.decls) |d| names = names ++ [_][:0]const u8{d.name};
            return names;
        },
        else => return &.{},
    }
}

/// What the exporter needs of a function type.
pub const Fn = struct {
    /// Each parameter's type; null for `anytype` and generic parameters.
    params: []const ?type,
    /// Null when the result type depends on a parameter.
    return_type: ?type,
    is_generic: bool,
    is_var_args: bool,
    calling_convention: CallingConvention,
};

pub const CallingConvention = std.builtin.CallingConvention;

pub fn fnInfo(comptime F: type) Fn {
    const f = @typeInfo(F).@"fn";
    if (parallel_arrays) return .{
        .params = f.param_types,
        .return_type = f.return_type,
        .is_generic = f.is_generic,
        .is_var_args = f.attrs.varargs,
        .calling_convention = f.attrs.@"callconv",
    };
    comptime var params: []const ?type = &.{};
    inline for (f.params) |p| params = params ++ [_]?type{p.type};
    return .{
        .params = params,
        .return_type = f.return_type,
        .is_generic = f.is_generic,
        .is_var_args = f.is_var_args,
        .calling_convention = f.calling_convention,
    };
}

/// What the exporter needs of a pointer type.
pub const Pointer = struct {
    size: std.builtin.Type.Pointer.Size,
    child: type,
    is_const: bool,
    is_volatile: bool,
    is_allowzero: bool,
    /// In bytes, the child's natural alignment when none was written.
    alignment: usize,
    sentinel_ptr: ?*const anyopaque,

    /// The sentinel value, or null when the pointer has none.
    pub fn sentinel(comptime p: Pointer) ?p.child {
        const ptr: *const p.child = @ptrCast(@alignCast(p.sentinel_ptr orelse return null));
        return ptr.*;
    }
};

/// The pointer attributes of pointer type `T`.
pub fn pointerInfo(comptime T: type) Pointer {
    const p = @typeInfo(T).pointer;
    const natural = if (@typeInfo(p.child) == .@"opaque") 1 else @alignOf(p.child);
    if (parallel_arrays) return .{
        .size = p.size,
        .child = p.child,
        .is_const = p.attrs.@"const",
        .is_volatile = p.attrs.@"volatile",
        .is_allowzero = p.attrs.@"allowzero",
        .alignment = p.attrs.@"align" orelse natural,
        .sentinel_ptr = p.sentinel_ptr,
    };
    return .{
        .size = p.size,
        .child = p.child,
        .is_const = p.is_const,
        .is_volatile = p.is_volatile,
        .is_allowzero = p.is_allowzero,
        .alignment = statedAlignment(p.alignment) orelse natural,
        .sentinel_ptr = p.sentinel_ptr,
    };
}

/// A pointer's written alignment: 0.15 always gives one, 0.16 null when
/// none was written.
fn statedAlignment(comptime alignment: anytype) ?usize {
    return alignment;
}

/// Whether values of `T` take memory (and so have a size): comptime-only
/// types have none, and from 0.16 on `@sizeOf` of them is an error.
pub fn hasSize(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .@"opaque", .noreturn => false,
        else => !isComptimeOnly(T),
    };
}

/// Whether values of `T` exist only while compiling: types, comptime
/// numbers, enum literals, null, undefined and function bodies, and the
/// optionals, error unions, arrays, pointers, structs and unions that hold them (a struct's
/// comptime fields aside: they take no memory in any struct).
pub fn isComptimeOnly(comptime T: type) bool {
    return comptime comptimeOnly(T, &.{});
}

/// `isComptimeOnly`, with `seen` the structs under way (a pointer back to one
/// of them, as in `next: ?*Node`, decides nothing).
fn comptimeOnly(comptime T: type, comptime seen: []const type) bool {
    for (seen) |S| if (S == T) return false;
    return switch (@typeInfo(T)) {
        .type, .comptime_int, .comptime_float, .null, .undefined, .enum_literal, .@"fn" => true,
        .optional => |o| comptimeOnly(o.child, seen),
        .error_union => |e| comptimeOnly(e.payload, seen),
        .array => |a| comptimeOnly(a.child, seen),
        // A function pointer is a run-time address; a pointer to a type is not.
        .pointer => @typeInfo(pointerInfo(T).child) != .@"fn" and comptimeOnly(pointerInfo(T).child, seen),
        .@"struct" => for (structFields(T)) |f| {
            if (!f.is_comptime and comptimeOnly(f.type, seen ++ [_]type{T})) break true;
        } else false,
        .@"union" => for (unionFields(T)) |f| {
            if (comptimeOnly(f.type, seen ++ [_]type{T})) break true;
        } else false,
        else => false,
    };
}

/// Zig 0.16 rebuilt `std.debug`'s self debug info (`getSymbols` with an `Io`).
const symbols_need_io = builtin.zig_version.order(.{ .major = 0, .minor = 16, .patch = 0 }) != .lt;

/// What this program's own debug info says of code address `address`:
/// "function\tfile\tline\tcolumn" written into `out` (file empty and line 0
/// when only the function is known), or null when it says nothing.
pub fn describeAddress(address: usize, out: []u8) ?[]const u8 {
    if (symbols_need_io) return describeWithIo(address, out);
    return describeBefore016(address, out);
}

fn describeWithIo(address: usize, out: []u8) ?[]const u8 {
    const info = std.debug.getSelfDebugInfo() catch return null;
    // Names and file paths are allocated; they are copied into `out`.
    var arena = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena.deinit();
    var symbols: std.ArrayList(std.debug.Symbol) = .empty;
    // The self info locks itself (an `Io.RwLock`).
    info.getSymbols(std.Options.debug_io, arena.allocator(), arena.allocator(), address, false, &symbols) catch return null;
    if (symbols.items.len == 0) return null;
    const symbol = symbols.items[0];
    return writeSymbol(out, symbol.name orelse return null, symbol.source_location);
}

/// Zig 0.15's self debug info is not thread-safe: one lookup at a time.
const Before016 = struct {
    var mutex: std.Thread.Mutex = .{};
};

fn describeBefore016(address: usize, out: []u8) ?[]const u8 {
    Before016.mutex.lock();
    defer Before016.mutex.unlock();
    const info = std.debug.getSelfDebugInfo() catch return null;
    const module = info.getModuleForAddress(address) catch return null;
    const symbol = module.getSymbolAtAddress(info.allocator, address) catch return null;
    defer if (symbol.source_location) |where| info.allocator.free(where.file_name);
    return writeSymbol(out, symbol.name, symbol.source_location);
}

fn writeSymbol(out: []u8, name: []const u8, where: ?std.debug.SourceLocation) ?[]const u8 {
    const at = where orelse std.debug.SourceLocation.invalid;
    return std.fmt.bufPrint(out, "{s}\t{s}\t{d}\t{d}", .{ name, at.file_name, at.line, at.column }) catch null;
}

/// Whether Zig lays a vector of `Child` out element after element at its
/// bit width (bools, u3, u24, f80 ...) rather than as an array. From 0.17
/// on, targets without a native f80 (WebAssembly) keep f80 elements 16
/// bytes apart, as an array does. layout.zig checks the choice at load.
pub fn packsVectorElements(comptime Child: type) bool {
    if (@bitSizeOf(Child) == 8 * @sizeOf(Child)) return false;
    const f80_as_array = !builtin.zig_version.order(.{ .major = 0, .minor = 17, .patch = 0 }).compare(.lt) and
        !builtin.cpu.arch.isX86();
    return !(Child == f80 and f80_as_array);
}

/// Zig 0.16 made `dumpCurrentStackTrace` take unwind options.
const trace_takes_options = builtin.zig_version.order(.{ .major = 0, .minor = 16, .patch = 0 }) != .lt;

/// Prints the calling thread's stack to stderr, from return address
/// `first_address` on when given.
pub fn dumpCurrentStackTrace(first_address: ?usize) void {
    if (trace_takes_options) {
        std.debug.dumpCurrentStackTrace(.{ .first_address = first_address });
    } else {
        std.debug.dumpCurrentStackTrace(first_address);
    }
}
