//! Walks the user's module at comptime and produces the descriptor: a JSON
//! document listing every type the boundary needs (in boundary layout, see
//! wire.zig), every function with its frame layout and thunk index, every
//! variable and constant with its storage slot, and every public declaration
//! that zigport cannot expose yet, with the reason.
const std = @import("std");
const json = @import("json.zig");
const wire = @import("wire.zig");
const thunk = @import("thunk.zig");

/// Bumped whenever the descriptor's shape or the exported symbols change.
pub const abi_version = 1;

const Decl = std.builtin.Type.Declaration;

/// Whether values of `T` can cross the boundary in this version.
pub fn isSupported(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .bool, .int, .float, .void => true,
        .optional => |o| isSupported(o.child),
        .error_union => |e| isSupported(e.payload),
        .pointer => |p| isPassablePointer(p),
        else => false,
    };
}

/// `*T` and `[]T` of plain scalars (no sentinel), which the host can point
/// at JS memory.
fn isPassablePointer(comptime p: std.builtin.Type.Pointer) bool {
    if (p.size != .one and p.size != .slice) return false;
    if (p.sentinel_ptr != null or p.is_allowzero or p.is_volatile) return false;
    if (@sizeOf(p.child) == 0) return false;
    return switch (@typeInfo(p.child)) {
        .bool, .int, .float => true,
        else => false,
    };
}

/// Whether a value of `T` carries a pointer (results cannot, yet).
fn hasPointer(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .pointer => true,
        .optional => |o| hasPointer(o.child),
        .error_union => |e| hasPointer(e.payload),
        else => false,
    };
}

/// Whether a variable of type `T` can be viewed in place. Optionals and error
/// unions are excluded: their in-memory layout is not the boundary layout.
fn isStorable(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .bool, .int, .float => true,
        else => false,
    };
}

/// Why function type `F` cannot be exported, or null when it can.
fn functionProblem(comptime F: type) ?[]const u8 {
    const info = @typeInfo(F).@"fn";
    if (info.is_generic) return "generic functions (anytype or comptime parameters) cannot be called at run time";
    if (info.is_var_args) return "variadic functions are not supported";
    for (info.params, 0..) |p, i| {
        if (!isSupported(p.type.?)) return std.fmt.comptimePrint(
            "parameter {d} has type {s}, which is not supported yet",
            .{ i, @typeName(p.type.?) },
        );
    }
    const R = info.return_type.?;
    if (!isSupported(R) or hasPointer(R)) return "return type " ++ @typeName(R) ++ " is not supported yet";
    return null;
}

/// What one public declaration of the module is.
pub const Entry = union(enum) {
    function: struct { name: []const u8, F: type },
    storage: struct { name: []const u8, T: type, mutable: bool },
    comptime_value: struct { name: []const u8, T: type, text: []const u8 },
    unsupported: struct { name: []const u8, reason: []const u8 },
};

/// Classifies every public declaration of `M`, in declaration order.
pub fn entries(comptime M: type) []const Entry {
    comptime var list: []const Entry = &.{};
    inline for (@typeInfo(M).@"struct".decls) |d| {
        list = list ++ [_]Entry{classify(M, d)};
    }
    return list;
}

fn classify(comptime M: type, comptime d: Decl) Entry {
    const T = @TypeOf(@field(M, d.name));
    switch (@typeInfo(T)) {
        .@"fn" => {
            if (functionProblem(T)) |why| return .{ .unsupported = .{ .name = d.name, .reason = why } };
            return .{ .function = .{ .name = d.name, .F = T } };
        },
        .comptime_int, .comptime_float => return .{ .comptime_value = .{
            .name = d.name,
            .T = T,
            .text = json.number(@field(M, d.name)),
        } },
        .type => return .{ .unsupported = .{ .name = d.name, .reason = "type declarations are not supported yet" } },
        else => {},
    }
    if (!isStorable(T)) return .{ .unsupported = .{
        .name = d.name,
        .reason = "variables of type " ++ @typeName(T) ++ " are not supported yet",
    } };
    const mutable = !@typeInfo(@TypeOf(&@field(M, d.name))).pointer.is_const;
    return .{ .storage = .{ .name = d.name, .T = T, .mutable = mutable } };
}

/// Interns types and assigns each an index in the descriptor's type table.
const TypeTable = struct {
    types: []const type = &.{},

    fn id(comptime self: *TypeTable, comptime T: type) usize {
        for (self.types, 0..) |U, i| if (U == T) return i;
        self.types = self.types ++ [_]type{T};
        const index = self.types.len - 1;
        switch (@typeInfo(T)) {
            .optional => |o| _ = self.id(o.child),
            .error_union => |e| {
                _ = self.id(e.payload);
                _ = self.id(e.error_set);
            },
            .pointer => |p| _ = self.id(p.child),
            else => {},
        }
        return index;
    }

    fn render(comptime self: *TypeTable) []const u8 {
        comptime var items: []const []const u8 = &.{};
        comptime var i = 0;
        // Rendering may intern more types (children), so loop until stable.
        inline while (i < self.types.len) : (i += 1) {
            items = items ++ [_][]const u8{self.describeType(self.types[i])};
        }
        return json.array(items);
    }

    fn describeType(comptime self: *TypeTable, comptime T: type) []const u8 {
        const W = wire.Wire(T);
        const head = std.fmt.comptimePrint("\"name\":{s},\"size\":{d},\"align\":{d}", .{
            json.string(@typeName(T)), @sizeOf(W), @alignOf(W),
        });
        const body = switch (@typeInfo(T)) {
            .bool => "\"kind\":\"bool\"",
            .void => "\"kind\":\"void\"",
            .comptime_int => "\"kind\":\"comptime_int\"",
            .comptime_float => "\"kind\":\"comptime_float\"",
            .int => |n| std.fmt.comptimePrint("\"kind\":\"int\",\"bits\":{d},\"signed\":{},\"pointer_sized\":{}", .{
                n.bits, n.signedness == .signed, T == usize or T == isize,
            }),
            .float => |f| std.fmt.comptimePrint("\"kind\":\"float\",\"bits\":{d}", .{f.bits}),
            .optional => |o| std.fmt.comptimePrint(
                "\"kind\":\"optional\",\"child\":{d},\"value_offset\":{d},\"present_offset\":{d}",
                .{ self.id(o.child), @offsetOf(W, "value"), @offsetOf(W, "present") },
            ),
            .error_union => |e| std.fmt.comptimePrint(
                "\"kind\":\"error_union\",\"payload\":{d},\"error_set\":{d},\"value_offset\":{d},\"code_offset\":{d}",
                .{ self.id(e.payload), self.id(e.error_set), @offsetOf(W, "value"), @offsetOf(W, "code") },
            ),
            .error_set => |set| "\"kind\":\"error_set\",\"errors\":" ++ errorNames(set),
            .pointer => |p| if (p.size == .slice) std.fmt.comptimePrint(
                "\"kind\":\"slice\",\"child\":{d},\"const\":{},\"ptr_offset\":{d},\"len_offset\":{d}",
                .{ self.id(p.child), p.is_const, @offsetOf(W, "ptr"), @offsetOf(W, "len") },
            ) else std.fmt.comptimePrint(
                "\"kind\":\"pointer\",\"child\":{d},\"const\":{}",
                .{ self.id(p.child), p.is_const },
            ),
            else => "\"kind\":\"unsupported\"",
        };
        return "{" ++ body ++ "," ++ head ++ "}";
    }
};

fn errorNames(comptime set: ?[]const std.builtin.Type.Error) []const u8 {
    const errors = set orelse return "null";
    comptime var names: []const []const u8 = &.{};
    inline for (errors) |e| names = names ++ [_][]const u8{json.string(e.name)};
    return json.array(names);
}

/// The descriptor of module `M` as JSON text.
pub fn descriptor(comptime M: type) []const u8 {
    @setEvalBranchQuota(2_000_000);
    comptime var table: TypeTable = .{};
    comptime var functions: []const []const u8 = &.{};
    comptime var storage: []const []const u8 = &.{};
    comptime var constants: []const []const u8 = &.{};
    comptime var unsupported: []const []const u8 = &.{};
    inline for (entries(M)) |e| switch (e) {
        .function => |f| functions = functions ++ [_][]const u8{describeFunction(&table, f.name, f.F, functions.len)},
        .storage => |s| storage = storage ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"type\":{d},\"slot\":{d},\"mutable\":{}}}",
            .{ json.string(s.name), table.id(s.T), storage.len, s.mutable },
        )},
        .comptime_value => |c| constants = constants ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"type\":{d},\"value\":{s}}}",
            .{ json.string(c.name), table.id(c.T), c.text },
        )},
        .unsupported => |u| unsupported = unsupported ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"reason\":{s}}}",
            .{ json.string(u.name), json.string(u.reason) },
        )},
    };
    const fn_json = json.array(functions);
    const storage_json = json.array(storage);
    return std.fmt.comptimePrint(
        "{{\"abi\":{d},\"runtime_safety\":{},\"error_code_bits\":{d},\"functions\":{s},\"variables\":{s},\"constants\":{s},\"unsupported\":{s},\"types\":{s}}}",
        .{ abi_version, std.debug.runtime_safety, @bitSizeOf(wire.ErrorCode), fn_json, storage_json, json.array(constants), json.array(unsupported), table.render() },
    );
}

fn describeFunction(comptime table: *TypeTable, comptime name: []const u8, comptime F: type, comptime index: usize) []const u8 {
    const info = @typeInfo(F).@"fn";
    const Frame = thunk.ArgFrame(F);
    comptime var params: []const []const u8 = &.{};
    inline for (info.params, 0..) |p, i| {
        params = params ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"type\":{d},\"offset\":{d}}}",
            .{ table.id(p.type.?), thunk.frameOffset(F, i) },
        )};
    }
    return std.fmt.comptimePrint(
        "{{\"name\":{s},\"thunk\":{d},\"frame\":{{\"size\":{d},\"align\":{d}}},\"params\":{s},\"ret\":{{\"type\":{d},\"offset\":{d}}}}}",
        .{
            json.string(name),                     index,
            @sizeOf(Frame),                        @alignOf(Frame),
            json.array(params),                    table.id(info.return_type.?),
            thunk.frameOffset(F, info.params.len),
        },
    );
}
