//! Walks the user's module at comptime and produces the descriptor: a JSON
//! document listing every type the boundary needs (type_table.zig), every
//! function with its frame layout and thunk index, every variable and
//! constant with its storage slot, every type declaration, and every public
//! declaration that zigport cannot expose yet, with the reason.
const std = @import("std");
const json = @import("json.zig");
const values = @import("values.zig");
const wire = @import("wire.zig");
const thunk = @import("thunk.zig");
const callback = @import("callback.zig");
const returned = @import("returned.zig");
const support = @import("support.zig");
const variadic = @import("variadic.zig");
const compat = @import("compat.zig");
const meta = @import("meta.zig");
const type_table = @import("type_table.zig");
/// The module's build options (generated per build by the compiler driver).
const options = @import("zigport_options");
const TypeTable = type_table.TypeTable;

/// Bumped whenever the descriptor's shape or the exported symbols change.
pub const abi_version = 2;

/// What one public declaration is. Each was declared in `container`: the
/// module, or a struct type declared in it (then also its `owner`, and the
/// declaration appears on that type's class in JS).
pub const Entry = union(enum) {
    function: struct { name: []const u8, F: type, container: type, owner: ?type },
    storage: struct { name: []const u8, T: type, mutable: bool, container: type, owner: ?type },
    comptime_value: struct { name: []const u8, T: type, container: type, owner: ?type },
    type_decl: struct { name: []const u8, T: type, owner: ?type },
    unsupported: struct { name: []const u8, reason: []const u8, owner: ?type },
};

/// Classifies every public declaration of `M`, in declaration order, then
/// those of the struct types it declares (methods, constants, nested types,
/// variables), each struct walked once.
pub fn entries(comptime M: type) []const Entry {
    @setEvalBranchQuota(1_000_000);
    comptime var list: []const Entry = declarationsOf(M, null);
    comptime var walked: []const type = &.{};
    comptime var i = 0;
    inline while (i < list.len) : (i += 1) {
        switch (list[i]) {
            .type_decl => |t| if (hasDecls(t.T) and !contains(walked, t.T)) {
                walked = walked ++ [_]type{t.T};
                list = list ++ declarationsOf(t.T, t.T);
            },
            else => {},
        }
    }
    return list;
}

fn contains(comptime types: []const type, comptime T: type) bool {
    for (types) |U| if (U == T) return true;
    return false;
}

/// Whether `T` can declare things (structs, unions and enums can).
fn hasDecls(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .@"struct", .@"union", .@"enum", .@"opaque" => true,
        else => false,
    };
}

fn declarationsOf(comptime container: type, comptime owner: ?type) []const Entry {
    comptime var list: []const Entry = &.{};
    inline for (compat.declNames(container)) |name| {
        // The root module's hooks configure the export; they are not part of it.
        if (owner == null and comptime std.mem.eql(u8, name, meta.hooks_name)) continue;
        const entry = classify(container, name, owner);
        if (omitted(entry)) continue;
        list = list ++ [_]Entry{entry};
    }
    return list;
}

/// Whether the build options leave `entry` out: every function with
/// `omitFunctions`, every `pub var` with `omitVariables` (constants stay).
fn omitted(comptime entry: Entry) bool {
    return switch (entry) {
        .function => options.omit_functions,
        .storage => |s| s.mutable and options.omit_variables,
        else => false,
    };
}

fn classify(comptime M: type, comptime name: [:0]const u8, comptime owner: ?type) Entry {
    const T = @TypeOf(@field(M, name));
    switch (@typeInfo(T)) {
        .@"fn" => {
            if (support.functionProblem(T)) |why| return unsupported(name, why, owner);
            return .{ .function = .{ .name = name, .F = T, .container = M, .owner = owner } };
        },
        .type => {
            const V = @field(M, name);
            // An opaque type is the class of the handles that point at one;
            // a comptime-only type, a class with no instances.
            const declarable = support.isInMemory(V) or compat.isComptimeOnly(V) or @typeInfo(V) == .error_set or
                @typeInfo(V) == .@"opaque" or isPointerClass(V);
            if (!declarable) return unsupported(name, "type " ++ support.unsupportedReason(V), owner);
            return .{ .type_decl = .{ .name = name, .T = V, .owner = owner } };
        },
        else => {},
    }
    // Types, comptime numbers, enum literals, null, undefined, and what holds them.
    if (compat.isComptimeOnly(T) and @typeInfo(T) == .@"union" and @typeInfo(T).@"union".tag_type == null)
        return unsupported(name, "Zig does not say which field of a bare union is active", owner);
    if (compat.isComptimeOnly(T)) return .{ .comptime_value = .{ .name = name, .T = T, .container = M, .owner = owner } };
    if (!support.isStorable(T)) return unsupported(name, support.unsupportedReason(T), owner);
    const mutable = !compat.pointerInfo(@TypeOf(&@field(M, name))).is_const;
    return .{ .storage = .{ .name = name, .T = T, .mutable = mutable, .container = M, .owner = owner } };
}

/// A pointer or slice type a call can pass (not a handle): its class makes
/// objects that hold what they point at, such as the C type of an extra
/// argument of a variadic function (`pub const CStr = [*:0]const u8`).
fn isPointerClass(comptime T: type) bool {
    if (@typeInfo(T) != .pointer or support.isFunctionPointer(T)) return false;
    const p = compat.pointerInfo(T);
    return support.isPassablePointer(p) and !support.isHandle(p);
}

fn unsupported(comptime name: [:0]const u8, comptime reason: []const u8, comptime owner: ?type) Entry {
    return .{ .unsupported = .{ .name = name, .reason = reason, .owner = owner } };
}

/// `,"owner":N` (the owner's type index) or `,"owner":null`.
fn ownerJson(comptime table: *TypeTable, comptime owner: ?type) []const u8 {
    return if (owner) |O| std.fmt.comptimePrint(",\"owner\":{d}", .{table.id(O)}) else ",\"owner\":null";
}

/// The descriptor of module `M` as JSON text.
pub fn descriptor(comptime M: type) []const u8 {
    return build(M).text;
}

/// The descriptor text of module `M`, every type its table lists, and every
/// function it lists (by thunk index).
pub const Built = struct {
    text: []const u8,
    types: []const type,
    functions: []const type_table.Function,
    /// Comptime fields read from memory, by slot after the declarations'.
    stored_fields: []const type_table.StoredField,
};

pub fn build(comptime M: type) Built {
    @setEvalBranchQuota(2_000_000);
    comptime var table: TypeTable = .{ .hooks = meta.Hooks(M) };
    comptime var storage: []const []const u8 = &.{};
    comptime var constants: []const []const u8 = &.{};
    comptime var type_decls: []const []const u8 = &.{};
    comptime var unsupported_decls: []const []const u8 = &.{};
    // Declared functions come first: thunk i belongs to function i.
    inline for (entries(M)) |e| switch (e) {
        .function => |f| table.declareFunction(@field(f.container, f.name), f.name, f.container, f.owner),
        else => {},
    };
    inline for (entries(M)) |e| switch (e) {
        .function => {},
        .storage => |s| {
            nameHeldFunctions(&table, s);
            storage = storage ++ [_][]const u8{std.fmt.comptimePrint(
                "{{\"name\":{s},\"type\":{d},\"slot\":{d},\"mutable\":{}{s}{s}}}",
                .{ json.string(s.name), table.id(s.T), storage.len, s.mutable, ownerJson(&table, s.owner), meta.declJson(table.hooks, s.container, s.name, s.T) },
            )};
        },
        .comptime_value => |c| constants = constants ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"type\":{d},\"value\":{s}{s}}}",
            .{ json.string(c.name), table.id(c.T), values.render(&table, @field(c.container, c.name), c.name), ownerJson(&table, c.owner) },
        )},
        .type_decl => |t| type_decls = type_decls ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"type\":{d}{s}}}",
            .{ json.string(t.name), table.id(t.T), ownerJson(&table, t.owner) },
        )},
        .unsupported => |u| unsupported_decls = unsupported_decls ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"name\":{s},\"reason\":{s}{s}}}",
            .{ json.string(u.name), json.string(u.reason), ownerJson(&table, u.owner) },
        )},
    };
    // Comptime fields stored in memory take the slots after the declarations'.
    table.slot_base = storage.len;
    // Describing a function may add types; describing a type may add
    // functions (those its comptime fields hold, the caller of a function
    // pointer type, an allocator's helpers). Both grow until neither does.
    comptime var functions: []const []const u8 = &.{};
    comptime var types: []const []const u8 = &.{};
    inline while (functions.len < table.functions.len or types.len < table.types.len) {
        inline while (functions.len < table.functions.len) {
            functions = functions ++ [_][]const u8{describeFunction(&table, table.functions[functions.len], functions.len)};
        }
        inline while (types.len < table.types.len) {
            types = types ++ [_][]const u8{table.describe(table.types[types.len])};
        }
        // May add a function pointer type (the first non-optional one).
        table.storeFunctionAddresses();
    }
    inline for (table.stored_fields, 0..) |f, i| storage = storage ++ [_][]const u8{std.fmt.comptimePrint(
        "{{\"name\":{s},\"type\":{d},\"slot\":{d},\"mutable\":false{s},\"hidden\":true,\"function\":{?d}}}",
        .{ json.string(f.name), table.id(f.T), table.slot_base + i, ownerJson(&table, f.holder), f.function },
    )};
    const text = std.fmt.comptimePrint(
        "{{\"abi\":{d},\"runtime_safety\":{},\"redirection\":{},\"error_code_bits\":{d},\"pointer_size\":{d},\"functions\":{s},\"variables\":{s}," ++
            "\"constants\":{s},\"type_decls\":{s},\"unsupported\":{s},\"types\":{s}}}",
        .{
            abi_version,                   std.debug.runtime_safety,
            options.use_redirection,
            @bitSizeOf(wire.ErrorCode),    @sizeOf(usize),
            json.array(functions),         json.array(storage),
            json.array(constants),         json.array(type_decls),
            json.array(unsupported_decls), json.array(types),
        },
    );
    return .{ .text = text, .types = table.types, .functions = table.functions, .stored_fields = table.stored_fields };
}

/// A constant tuple or struct literal (`pub const ops = .{ add, triple }`)
/// is a struct of comptime fields, described with its type. Rendering its
/// value first lists the functions it holds under the constant's own paths
/// (`ops[1]`), rather than the type's.
fn nameHeldFunctions(comptime table: *TypeTable, comptime s: anytype) void {
    if (s.mutable or @typeInfo(s.T) != .@"struct" or @sizeOf(s.T) != 0) return;
    _ = values.render(table, @field(s.container, s.name), s.name);
}

/// A listed function's JSON: a declared or hidden function with its meta
/// mark, the caller of a function pointer type (the address its last
/// parameter), or an allocator helper.
fn describeFunction(comptime table: *TypeTable, comptime f: type_table.Function, comptime index: usize) []const u8 {
    const owner = if (f.owner) |O| std.fmt.comptimePrint("{d}", .{table.id(O)}) else "null";
    const head = std.fmt.comptimePrint("\"name\":{s},\"owner\":{s},\"hidden\":{}", .{ json.string(f.name), owner, f.hidden });
    switch (f.role) {
        .declared => {
            const F = @TypeOf(f.holder.value);
            const tail = if (f.container) |C| meta.declJson(table.hooks, C, f.name, F) else "";
            if (compat.fnInfo(F).is_var_args) return frameJson(table, head, F, variadic.Frame(F), index, "", variadicJson(F) ++ tail);
            return frameJson(table, head, F, thunk.ArgFrame(F), index, "", tail);
        },
        .caller => {
            const F = f.holder.Fn;
            const Frame = thunk.CallerFrame(F);
            const callee = std.fmt.comptimePrint("{{\"type\":{d},\"offset\":{d}}}", .{ table.id(usize), @offsetOf(Frame, "callee") });
            return frameJson(table, head ++ ",\"role\":\"caller\"", F, Frame, index, callee, callbackJson(table, F));
        },
        .alloc, .free => {
            const F = @TypeOf(f.holder.value);
            return frameJson(table, head ++ ",\"role\":\"" ++ @tagName(f.role) ++ "\"", F, thunk.ArgFrame(F), index, "", "");
        },
    }
}
/// Where the frame of variadic function type `F` holds its extra
/// arguments (see variadic.zig): their count, then records of `stride`
/// bytes, each a class (u32), a scalar's 64 bits at `bits` and a
/// pointer's address at `address`.
fn variadicJson(comptime F: type) []const u8 {
    const Frame = variadic.Frame(F);
    return std.fmt.comptimePrint(
        ",\"variadic\":{{\"max\":{d},\"count_offset\":{d},\"extras_offset\":{d},\"stride\":{d},\"bits\":{d},\"address\":{d}}}",
        .{ variadic.max_extras, @offsetOf(Frame, "count"), @offsetOf(Frame, "extras"), @sizeOf(variadic.Extra), @offsetOf(variadic.Extra, "bits"), @offsetOf(variadic.Extra, "address") },
    );
}

/// How JS functions stand in for functions of type `F` (see callback.zig):
/// the frame their trampolines fill, with each parameter's and the result's
/// type and offset, and how many can be bound at once; or why they cannot.
fn callbackJson(comptime table: *TypeTable, comptime F: type) []const u8 {
    if (callback.problem(F)) |why| return std.fmt.comptimePrint(",\"callback\":null,\"callback_problem\":{s}", .{json.string(why)});
    const Frame = callback.Frame(F);
    const info = compat.fnInfo(F);
    comptime var params: []const []const u8 = &.{};
    inline for (info.params, 0..) |P, i| {
        params = params ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"type\":{d},\"offset\":{d}}}",
            .{ table.id(P.?), @offsetOf(Frame, std.fmt.comptimePrint("{d}", .{i})) },
        )};
    }
    return std.fmt.comptimePrint(
        ",\"callback\":{{\"frame\":{{\"size\":{d},\"align\":{d}}},\"params\":{s},\"ret\":{{\"type\":{d},\"offset\":{d}}},\"slots\":{d},\"waits\":{},\"pointers\":{}}}",
        .{ @sizeOf(Frame), @alignOf(Frame), json.array(params), table.id(info.return_type.?), @offsetOf(Frame, "retval"), callback.slot_count, callback.waits(F), callback.framesPointers(F) },
    );
}

/// A function's JSON: `head`, then its thunk, the layout of `Frame` (a
/// frame of `F`), each parameter (and `extra`, when not empty), the result,
/// and `tail` (its meta mark, when it has one).
fn frameJson(
    comptime table: *TypeTable,
    comptime head: []const u8,
    comptime F: type,
    comptime Frame: type,
    comptime index: usize,
    comptime extra: []const u8,
    comptime tail: []const u8,
) []const u8 {
    const info = compat.fnInfo(F);
    comptime var params: []const []const u8 = &.{};
    inline for (info.params, 0..) |P, i| {
        params = params ++ [_][]const u8{std.fmt.comptimePrint(
            "{{\"type\":{d},\"offset\":{d}}}",
            .{ table.id(P.?), thunk.frameOffset(Frame, F, i) },
        )};
    }
    if (extra.len > 0) params = params ++ [_][]const u8{extra};
    return std.fmt.comptimePrint(
        "{{{s},\"thunk\":{d},\"frame\":{{\"size\":{d},\"align\":{d}}},\"params\":{s},\"ret\":{{\"type\":{d},\"offset\":{d}}}{s}}}",
        .{
            head,                        index,
            @sizeOf(Frame),              @alignOf(Frame),
            json.array(params),          table.id(returned.Returned(info.return_type.?)),
            thunk.frameOffset(Frame, F, info.params.len),
            tail,
        },
    );
}
