//! The descriptor's type table: every type a function, variable or type
//! declaration needs, interned once and described as JSON, and every
//! function the descriptor lists (each gets a thunk). Sizes, alignments
//! and offsets are those of the boundary representation (wire.zig), which
//! for values in memory is the value itself.
const std = @import("std");
const json = @import("json.zig");
const values = @import("values.zig");
const wire = @import("wire.zig");
const layout = @import("layout.zig");
const compat = @import("compat.zig");
const support = @import("support.zig");
const meta = @import("meta.zig");
const allocator_helpers = @import("allocator_helpers.zig");
const zigar = @import("zigar");
const iterators = @import("iterators.zig");

/// A function the descriptor lists, with the thunk of the same index: a
/// declaration (of `container`), one a comptime value holds that no
/// declaration names (`hidden`: reached through that value), or one the
/// runtime calls: the caller of a function pointer type (its `holder` has
/// `Fn`, the function type), or an allocator helper.
pub const Function = struct {
    role: Role = .declared,
    holder: type,
    name: []const u8,
    container: ?type = null,
    owner: ?type = null,
    hidden: bool = false,

    pub const Role = enum { declared, caller, alloc, free };
};

/// `,"role":...` for the zigar module's Promise, Generator and AbortSignal
/// types, which JS fills itself when they are parameters.
fn roleJson(comptime T: type) []const u8 {
    const role = zigar.function.roleOf(T) orelse return "";
    return ",\"role\":\"" ++ @tagName(role) ++ "\"";
}

/// How a field of type `F` of struct `T` is described: as itself, except a
/// data pointer of a zigar Promise, Generator or AbortSignal, which JS
/// writes as a plain address (the runtime places no memory there).
fn FieldType(comptime T: type, comptime F: type) type {
    if (zigar.function.roleOf(T) == null or support.isFunctionPointer(F)) return F;
    const P = if (@typeInfo(F) == .optional) @typeInfo(F).optional.child else F;
    return if (@typeInfo(P) == .pointer) usize else F;
}

/// A struct whose `value` is function `f`.
fn Holder(comptime f: anytype) type {
    return struct {
        pub const value = f;
    };
}

/// A struct whose `Fn` is function type `F`.
fn TypeHolder(comptime F: type) type {
    return struct {
        pub const Fn = F;
    };
}

/// A comptime field whose value lies in the module's memory: JS reads it
/// where Zig put it (through a storage slot), as it reads a `pub const`.
pub const StoredField = struct {
    holder: ?type,
    name: []const u8,
    T: type,
    value: *const anyopaque,
    /// For the address of a listed function (what JS writes when a Zig
    /// function is assigned to a function pointer), that function's index.
    function: ?usize = null,
};

/// A struct whose `address` is the address of function `f`.
fn AddressHolder(comptime f: anytype) type {
    return struct {
        pub const address: *const @TypeOf(f) = &f;
    };
}

pub const TypeTable = struct {
    types: []const type = &.{},
    functions: []const Function = &.{},
    /// Comptime fields stored in memory; the i-th has storage slot
    /// `slot_base + i`, after those of the module's declarations.
    stored_fields: []const StoredField = &.{},
    slot_base: usize = 0,
    /// The user's `@"meta(zigar)"` hooks (meta.Hooks), which may mark fields.
    hooks: type = struct {},

    /// Lists declared function `f`; the thunk of the i-th listed is thunk i.
    pub fn declareFunction(comptime self: *TypeTable, comptime f: anytype, comptime name: []const u8, comptime container: type, comptime owner: ?type) void {
        self.functions = self.functions ++ [_]Function{.{ .holder = Holder(f), .name = name, .container = container, .owner = owner }};
    }

    /// The storage slot of comptime field `f` of `Owner` (each type is
    /// described once, so each field is listed once).
    fn storeField(comptime self: *TypeTable, comptime Owner: type, comptime f: compat.Field) usize {
        self.stored_fields = self.stored_fields ++ [_]StoredField{.{ .holder = Owner, .name = f.name, .T = f.type, .value = f.default_value_ptr.? }};
        return self.slot_base + self.stored_fields.len - 1;
    }

    /// Stores the address of each declared function whose type JS can hold
    /// as a function pointer (its type has a caller), once: assigning the
    /// function to such a pointer writes that address.
    pub fn storeFunctionAddresses(comptime self: *TypeTable) void {
        outer: for (self.functions, 0..) |f, i| {
            if (f.role != .declared) continue;
            for (self.stored_fields) |stored| if (stored.function == i) continue :outer;
            const F = @TypeOf(f.holder.value);
            const pointed = for (self.functions) |listed| {
                if (listed.role == .caller and listed.holder.Fn == F) break true;
            } else false;
            if (!pointed) continue;
            _ = self.id(*const F);
            self.stored_fields = self.stored_fields ++ [_]StoredField{.{
                .holder = f.owner,
                .name = "&" ++ f.name,
                .T = *const F,
                .value = @ptrCast(&AddressHolder(f.holder.value).address),
                .function = i,
            }};
        }
    }

    /// Index of function `f` among the listed ones: the first listing of
    /// the same function (so a declared one keeps its thunk), else a new
    /// hidden one named `where`.
    pub fn function(comptime self: *TypeTable, comptime f: anytype, comptime where: []const u8) usize {
        for (self.functions, 0..) |listed, i| {
            if (listed.role == .caller) continue;
            if (@TypeOf(listed.holder.value) == @TypeOf(f) and &listed.holder.value == &f) return i;
        }
        self.functions = self.functions ++ [_]Function{.{ .holder = Holder(f), .name = where, .hidden = true }};
        return self.functions.len - 1;
    }

    /// Index of the caller of function type `F` (listed on first need).
    fn caller(comptime self: *TypeTable, comptime F: type) usize {
        for (self.functions, 0..) |listed, i| {
            if (listed.role == .caller and listed.holder.Fn == F) return i;
        }
        // Named as the pointer JS holds, which is what its messages are about.
        self.functions = self.functions ++ [_]Function{.{ .role = .caller, .holder = TypeHolder(F), .name = @typeName(*const F) }};
        return self.functions.len - 1;
    }

    /// Lists the allocator helpers JS allocates and frees through, once.
    fn listAllocatorHelpers(comptime self: *TypeTable) void {
        for (self.functions) |listed| if (listed.role == .alloc) return;
        self.functions = self.functions ++ [_]Function{
            .{ .role = .alloc, .holder = Holder(allocator_helpers.alloc), .name = "Allocator.alloc" },
            .{ .role = .free, .holder = Holder(allocator_helpers.free), .name = "Allocator.free" },
        };
    }

    /// `"kind":"function_pointer"` for a pointer to `F`: its caller's index
    /// among the descriptor's functions, or why JS cannot call it.
    fn functionPointer(comptime self: *TypeTable, comptime F: type, comptime nullable: bool) []const u8 {
        if (support.functionProblem(F)) |why| {
            return std.fmt.comptimePrint("\"kind\":\"function_pointer\",\"caller\":null,\"problem\":{s},\"nullable\":{}", .{ json.string(why), nullable });
        }
        return std.fmt.comptimePrint("\"kind\":\"function_pointer\",\"caller\":{d},\"problem\":null,\"nullable\":{}", .{ self.caller(F), nullable });
    }

    /// Index of `T` in the table, adding it (and the types it contains).
    pub fn id(comptime self: *TypeTable, comptime T: type) usize {
        for (self.types, 0..) |U, i| if (U == T) return i;
        self.types = self.types ++ [_]type{T};
        const index = self.types.len - 1;
        if (T == std.mem.Allocator) return index;
        switch (@typeInfo(T)) {
            .optional => |o| _ = self.id(o.child),
            .error_union => |e| {
                _ = self.id(e.payload);
                _ = self.id(e.error_set);
            },
            // A function pointer's function type is described by its caller.
            .pointer => |p| if (!support.isFunctionPointer(T)) {
                _ = self.id(p.child);
            },
            .array => |a| _ = self.id(a.child),
            .vector => |v| _ = self.id(v.child),
            .@"enum" => |e| _ = self.id(e.tag_type),
            .@"struct" => for (compat.structFields(T)) |f| {
                _ = self.id(f.type);
            },
            .@"union" => |u| {
                for (compat.unionFields(T)) |f| _ = self.id(f.type);
                if (u.tag_type) |Tag| _ = self.id(Tag);
            },
            else => {},
        }
        return index;
    }

    /// The JSON description of `T` (which may add types and functions).
    pub fn describe(comptime self: *TypeTable, comptime T: type) []const u8 {
        // Comptime-only values (types, null, enum literals) have no layout at all.
        if (compat.isComptimeOnly(T)) return std.fmt.comptimePrint("{{{s},\"name\":{s},\"size\":0,\"align\":1}}", .{
            self.comptimeBody(T), json.string(@typeName(T)),
        });
        const W = wire.Wire(T);
        // A struct JS only ever holds pointers to is described as opaque.
        const sized = compat.hasSize(T) and !support.isOpaqueStruct(T);
        const head = std.fmt.comptimePrint("\"name\":{s},\"size\":{d},\"align\":{d}", .{
            json.string(@typeName(T)), if (sized) @sizeOf(W) else 0, if (sized) @alignOf(W) else 1,
        });
        return "{" ++ self.body(T, W) ++ self.iterator(T) ++ "," ++ head ++ "}";
    }

    /// `,"iterator":N` for an iterator type (iterators.zig): N is the
    /// index of its `next` among the listed functions (its declaration's,
    /// or a hidden one for a type the module only returns, as std's).
    fn iterator(comptime self: *TypeTable, comptime T: type) []const u8 {
        if (!iterators.isIterator(T)) return "";
        const index = self.function(@field(T, "next"), @typeName(T) ++ ".next");
        return std.fmt.comptimePrint(",\"iterator\":{d}", .{index});
    }

    /// A comptime-only type: what JS needs to read a value of it from its JSON
    /// (values.zig).
    fn comptimeBody(comptime self: *TypeTable, comptime T: type) []const u8 {
        return switch (@typeInfo(T)) {
            .type => "\"kind\":\"type\"",
            .comptime_int => "\"kind\":\"comptime_int\"",
            .comptime_float => "\"kind\":\"comptime_float\"",
            .null => "\"kind\":\"null\"",
            .undefined => "\"kind\":\"undefined\"",
            .enum_literal => "\"kind\":\"enum_literal\"",
            .@"fn" => "\"kind\":\"function\"",
            .optional => |o| std.fmt.comptimePrint("\"kind\":\"comptime_optional\",\"child\":{d}", .{self.id(o.child)}),
            .error_union => |e| std.fmt.comptimePrint("\"kind\":\"comptime_error_union\",\"child\":{d},\"error_set\":{d}", .{
                self.id(e.payload), self.id(e.error_set),
            }),
            .array => |a| std.fmt.comptimePrint("\"kind\":\"comptime_array\",\"child\":{d},\"len\":{d}", .{ self.id(a.child), a.len }),
            // Read as what it points at (a slice as an array of any length).
            .pointer => std.fmt.comptimePrint("\"kind\":\"comptime_pointer\",\"child\":{d},\"slice\":{}", .{
                self.id(compat.pointerInfo(T).child), compat.pointerInfo(T).size == .slice,
            }),
            .@"struct" => |s| std.fmt.comptimePrint("\"kind\":\"comptime_struct\",\"tuple\":{},\"fields\":{s}", .{
                s.is_tuple, self.comptimeFields(compat.structFields(T)),
            }),
            // Its value names the active field (a bare union's: none, as Zig does not say).
            .@"union" => "\"kind\":\"comptime_union\",\"fields\":" ++ self.comptimeFields(compat.unionFields(T)),
            else => unreachable,
        };
    }

    fn body(comptime self: *TypeTable, comptime T: type, comptime W: type) []const u8 {
        if (T == std.mem.Allocator) self.listAllocatorHelpers();
        if (T == std.mem.Allocator) return std.fmt.comptimePrint("\"kind\":\"allocator\",\"ptr_offset\":{d},\"vtable_offset\":{d}", .{
            @offsetOf(std.mem.Allocator, "ptr"), @offsetOf(std.mem.Allocator, "vtable"),
        });
        return switch (@typeInfo(T)) {
            .bool => "\"kind\":\"bool\"",
            .void => "\"kind\":\"void\"",
            .int => |n| std.fmt.comptimePrint("\"kind\":\"int\",\"bits\":{d},\"signed\":{},\"pointer_sized\":{}", .{
                n.bits, n.signedness == .signed, T == usize or T == isize,
            }),
            .float => |f| std.fmt.comptimePrint("\"kind\":\"float\",\"bits\":{d}", .{f.bits}),
            // Described as the pointer it holds, which may be null.
            .optional => |o| if (support.isFunctionPointer(o.child))
                self.functionPointer(compat.pointerInfo(o.child).child, true)
            else if (layout.isNullablePointer(T))
                self.pointer(compat.pointerInfo(o.child), wire.Wire(o.child), true)
            else if (layout.isNullableErrorSet(T))
                "\"kind\":\"error_set\",\"nullable\":true,\"errors\":" ++ errorNames(o.child)
            else std.fmt.comptimePrint(
                "\"kind\":\"optional\",\"child\":{d},\"value_offset\":{d},\"present_offset\":{d},\"memory\":{}",
                .{ self.id(o.child), offsets(T, W).value, offsets(T, W).flag, W == T },
            ),
            .error_union => |e| std.fmt.comptimePrint(
                "\"kind\":\"error_union\",\"payload\":{d},\"error_set\":{d},\"value_offset\":{d},\"code_offset\":{d},\"memory\":{}",
                .{ self.id(e.payload), self.id(e.error_set), offsets(T, W).value, offsets(T, W).flag, W == T },
            ),
            .error_set => "\"kind\":\"error_set\",\"errors\":" ++ errorNames(T),
            .pointer => |p| if (support.isFunctionPointer(T)) self.functionPointer(p.child, false) else self.pointer(compat.pointerInfo(T), W, false),
            .array => |a| std.fmt.comptimePrint("\"kind\":\"array\",\"child\":{d},\"len\":{d}{s}", .{
                self.id(a.child), a.len, sentinelJson(self, a),
            }),
            // A vector is an array to JS (its size may include padding).
            // Zig stores element i at bit i * @bitSizeOf(child): for bools,
            // u3 or f80 that is not a byte stride (layout.zig checks it).
            .vector => |v| std.fmt.comptimePrint("\"kind\":\"array\",\"child\":{d},\"len\":{d},\"vector\":true,\"bit_packed\":{}", .{
                self.id(v.child), v.len, layout.isBitPackedVector(T),
            }),
            .@"enum" => |e| std.fmt.comptimePrint(
                "\"kind\":\"enum\",\"tag\":{d},\"exhaustive\":{},\"members\":{s}",
                .{ self.id(e.tag_type), compat.isExhaustive(T), enumMembers(T) },
            ),
            // Only ever behind a pointer, as an opaque type is (support.zig).
            .@"struct" => |s| if (support.isOpaqueStruct(T)) "\"kind\":\"opaque\"" else std.fmt.comptimePrint(
                "\"kind\":\"struct\",\"layout\":\"{s}\",\"tuple\":{},\"fields\":{s}{s}",
                .{ @tagName(s.layout), s.is_tuple, self.fields(T), roleJson(T) },
            ),
            // An extern union: every field at offset 0, all of them readable.
            // A tagged union: only the field its tag names.
            .@"union" => |u| if (u.tag_type) |Tag| std.fmt.comptimePrint(
                "\"kind\":\"struct\",\"layout\":\"extern\",\"tuple\":false,\"union\":true,\"tag\":{{\"type\":{d},\"offset\":{d}}},\"fields\":{s}",
                .{ self.id(Tag), layout.taggedUnionOffsets(T).flag, self.unionFields(T, layout.taggedUnionOffsets(T).value) },
            ) else if (layout.isMemoryBareUnion(T)) self.bareUnion(T) else std.fmt.comptimePrint(
                "\"kind\":\"struct\",\"layout\":\"extern\",\"tuple\":false,\"union\":true,\"fields\":{s}",
                .{self.unionFields(T, 0)},
            ),
            // Only ever behind a pointer: a handle JS passes back.
            .@"opaque" => "\"kind\":\"opaque\"",
            else => "\"kind\":\"unsupported\"",
        };
    }

    /// The names and types of a comptime-only struct's or union's fields.
    fn comptimeFields(comptime self: *TypeTable, comptime list: []const compat.Field) []const u8 {
        comptime var items: []const []const u8 = &.{};
        inline for (list) |f| {
            items = items ++ [_][]const u8{std.fmt.comptimePrint("{{\"name\":{s},\"type\":{d}}}", .{ json.string(f.name), self.id(f.type) })};
        }
        return json.array(items);
    }

    /// A slice or pointer whose boundary form is `W`; `optional` for `?P`.
    fn pointer(comptime self: *TypeTable, comptime p: compat.Pointer, comptime W: type, comptime optional: bool) []const u8 {
        return if (p.size == .slice) std.fmt.comptimePrint(
            "\"kind\":\"slice\",\"child\":{d},\"const\":{},\"ptr_offset\":{d},\"len_offset\":{d},\"nullable\":{},\"terminated\":{}",
            .{ self.id(p.child), p.is_const, @offsetOf(W, "ptr"), @offsetOf(W, "len"), optional, p.sentinel_ptr != null },
        ) else std.fmt.comptimePrint(
            "\"kind\":\"pointer\",\"child\":{d},\"const\":{},\"many\":{},\"nullable\":{},\"terminated\":{},\"c_string\":{}",
            // A C pointer to a C object is a handle, which points at one.
            .{ self.id(p.child), p.is_const, p.size != .one and !support.isHandle(p), optional or p.size == .c, p.sentinel_ptr != null, isCString(p) },
        );
    }

    /// `[*c]u8`, `[*c]i8` and their const forms: what C calls `char *`,
    /// which JS reads up to its terminating zero, as C does.
    fn isCString(comptime p: compat.Pointer) bool {
        return p.size == .c and (p.child == u8 or p.child == i8);
    }

    /// A bare union: with runtime safety, Zig's hidden tag (the `selector`,
    /// the active field's index) says which field may be read.
    fn bareUnion(comptime self: *TypeTable, comptime T: type) []const u8 {
        const head = "\"kind\":\"struct\",\"layout\":\"extern\",\"tuple\":false,\"union\":true,\"bare\":true";
        const selector = layout.bareUnionSelector(T) orelse
            return std.fmt.comptimePrint("{s},\"fields\":{s}", .{ head, self.unionFields(T, 0) });
        return std.fmt.comptimePrint("{s},\"selector\":{{\"offset\":{d},\"size\":{d}}},\"fields\":{s}", .{
            head, selector.offsets.flag, selector.size, self.unionFields(T, selector.offsets.value),
        });
    }

    fn unionFields(comptime self: *TypeTable, comptime T: type, comptime offset: usize) []const u8 {
        comptime var items: []const []const u8 = &.{};
        inline for (compat.unionFields(T)) |f| {
            items = items ++ [_][]const u8{std.fmt.comptimePrint(
                "{{\"name\":{s},\"type\":{d},\"offset\":{d},\"bit_offset\":{d}{s}}}",
                .{ json.string(f.name), self.id(f.type), offset, offset * 8, meta.fieldJson(self.hooks, T, f.name, f.type) },
            )};
        }
        return json.array(items);
    }

    fn fields(comptime self: *TypeTable, comptime T: type) []const u8 {
        comptime var items: []const []const u8 = &.{};
        inline for (compat.structFields(T), 0..) |f, i| {
            const where = fieldPath(T, f.name, i);
            // A stored comptime field's value may point at a variable, which
            // rendering could not read while compiling.
            const default = if (f.default_value_ptr == null or (f.is_comptime and isStoredField(f.type))) "" else ",\"default\":" ++ values.render(self, f.fixedValue(), where);
            const mark = meta.fieldJson(self.hooks, T, f.name, f.type);
            if (f.is_comptime and isStoredField(f.type)) {
                items = items ++ [_][]const u8{std.fmt.comptimePrint(
                    "{{\"name\":{s},\"type\":{d},\"offset\":0,\"bit_offset\":0,\"comptime\":true,\"slot\":{d}{s}}}",
                    .{ json.string(f.name), self.id(f.type), self.storeField(T, f), mark },
                )};
                continue;
            }
            if (f.is_comptime) {
                items = items ++ [_][]const u8{std.fmt.comptimePrint(
                    "{{\"name\":{s},\"type\":{d},\"offset\":0,\"bit_offset\":0,\"comptime\":true{s}{s}}}",
                    .{ json.string(f.name), self.id(f.type), default, mark },
                )};
                continue;
            }
            // A packed field's value is its first @bitSizeOf bits.
            const bits = if (@typeInfo(T).@"struct".layout == .@"packed") std.fmt.comptimePrint(",\"bits\":{d}", .{@bitSizeOf(f.type)}) else "";
            items = items ++ [_][]const u8{std.fmt.comptimePrint(
                "{{\"name\":{s},\"type\":{d},\"offset\":{d},\"bit_offset\":{d}{s}{s}{s}}}",
                .{ json.string(f.name), self.id(FieldType(T, f.type)), @offsetOf(T, f.name), @bitOffsetOf(T, f.name), bits, default, mark },
            )};
        }
        return json.array(items);
    }
};

/// Whether a comptime field of type `T` is read from memory rather than
/// from its rendered value: any runtime value JS can store, so that unions,
/// errors and pointers (also to variables) read as they are. A function
/// pointer is the function it points at, rendered, so that JS calls the
/// function's own thunk.
fn isStoredField(comptime T: type) bool {
    if (compat.isComptimeOnly(T) or !support.isStorable(T)) return false;
    const P = if (@typeInfo(T) == .optional) @typeInfo(T).optional.child else T;
    return !support.isFunctionPointer(P);
}

/// What a function a comptime field holds is called (`Calculator.combine`,
/// or for a tuple `[0]`): the type's last name, when it has a plain one.
fn fieldPath(comptime T: type, comptime name: []const u8, comptime index: usize) []const u8 {
    const field = if (@typeInfo(T).@"struct".is_tuple) std.fmt.comptimePrint("[{d}]", .{index}) else "." ++ name;
    const type_name = @typeName(T);
    if (std.mem.indexOfAny(u8, type_name, " ({") != null) return field;
    const last = if (std.mem.lastIndexOfScalar(u8, type_name, '.')) |dot| type_name[dot + 1 ..] else type_name;
    return last ++ field;
}

/// `,"sentinel":value` for sentinel-terminated arrays (`[N:0]u8`).
fn sentinelJson(comptime table: *TypeTable, comptime a: std.builtin.Type.Array) []const u8 {
    const s = a.sentinel() orelse return "";
    return ",\"sentinel\":" ++ values.render(table, s, "sentinel");
}

/// Value and flag (presence or error code) offsets of an optional or error
/// union: the assumed memory layout, or the boundary struct's fields.
fn offsets(comptime T: type, comptime W: type) layout.Offsets {
    return switch (@typeInfo(T)) {
        .optional => if (W == T) layout.optionalOffsets(T) else .{ .value = @offsetOf(W, "value"), .flag = @offsetOf(W, "present") },
        .error_union => if (W == T) layout.errorUnionOffsets(T) else .{ .value = @offsetOf(W, "value"), .flag = @offsetOf(W, "code") },
        else => unreachable,
    };
}

fn enumMembers(comptime E: type) []const u8 {
    comptime var items: []const []const u8 = &.{};
    inline for (compat.enumMembers(E)) |f| {
        items = items ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"value\":{s}}}",
            .{ json.string(f.name), json.number(f.value) },
        )};
    }
    return json.array(items);
}

/// The members of an error set with their codes (null for `anyerror`).
fn errorNames(comptime E: type) []const u8 {
    const names = compat.errorNames(E) orelse return "null";
    comptime var items: []const []const u8 = &.{};
    inline for (names) |name| items = items ++ [_][]const u8{std.fmt.comptimePrint(
        "{{\"name\":{s},\"value\":{d}}}",
        .{ json.string(name), @intFromError(@field(anyerror, name)) },
    )};
    return json.array(items);
}
