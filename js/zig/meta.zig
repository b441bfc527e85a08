//! Zigar's `@"meta(zigar)"` hooks: the root module may declare
//! `pub const @"meta(zigar)" = struct { ... }` with functions that say, per
//! declaration or struct/union field, that JS should read a value as a
//! string, a `Uint8ClampedArray`, a typed array or a plain object instead of
//! as a zigport object. The hooks run here, at comptime; the descriptor
//! carries the outcome as a `"meta"` mark, and JS applies it on every read
//! (js/internal/types/meta-reads.js).
//!
//! Hooks answer only for values their transform can apply to (eligibility,
//! below); where several would apply, the first in `Mark`'s order whose hook
//! returns true wins. The `isArgument...` hooks concern JS callbacks, which
//! zigport does not offer yet: they are accepted and not called.
const std = @import("std");
const compat = @import("compat.zig");

/// The declaration that holds the hooks, in the root module.
pub const hooks_name = "meta(zigar)";

/// What JS turns a marked value into, in order of precedence.
pub const Mark = enum {
    string,
    clamped_array,
    typed_array,
    plain,

    /// The part of the hook names (`isDeclString`) that names this mark.
    fn hookSuffix(comptime m: Mark) []const u8 {
        return switch (m) {
            .string => "String",
            .clamped_array => "ClampedArray",
            .typed_array => "TypedArray",
            .plain => "Plain",
        };
    }
};

const Target = enum { Decl, Field };

const known_hooks = blk: {
    var names: []const []const u8 = &.{};
    for (.{ "Decl", "Field", "Argument" }) |target| {
        for (std.enums.values(Mark)) |m| names = names ++ [_][]const u8{"is" ++ target ++ m.hookSuffix()};
    }
    break :blk names;
};

/// The hooks struct of module `Root`: its `@"meta(zigar)"`, or an empty
/// struct when it declares none. Refuses a malformed one.
pub fn Hooks(comptime Root: type) type {
    if (!isPublic(Root, hooks_name)) return struct {};
    const H = @field(Root, hooks_name);
    if (@TypeOf(H) != type or @typeInfo(H) != .@"struct") {
        @compileError("@\"" ++ hooks_name ++ "\" in the root module must be a struct type holding the hook functions (isDeclString, isFieldPlain, ...)");
    }
    for (known_hooks) |hook| {
        if (isPublic(H, hook)) return H;
    }
    @compileError("@\"" ++ hooks_name ++ "\" in the root module declares no hooks; give it at least one pub fn such as isFieldString");
}

/// `,"meta":"<mark>"` for public declaration `name` of `Container` (of type
/// `T`; for a function, what it returns), or "" when no hook of `H` (see
/// `Hooks`) marks it.
pub fn declJson(comptime H: type, comptime Container: type, comptime name: []const u8, comptime T: type) []const u8 {
    const V = if (@typeInfo(T) == .@"fn") compat.fnInfo(T).return_type.? else T;
    return json(choose(H, .Decl, Container, name, V));
}

/// `,"meta":"<mark>"` for field `name` (of type `T`) of struct or union
/// `Container`, or "" when no hook of `H` marks it.
pub fn fieldJson(comptime H: type, comptime Container: type, comptime name: []const u8, comptime T: type) []const u8 {
    return json(choose(H, .Field, Container, name, T));
}

fn json(comptime mark: ?Mark) []const u8 {
    const m = mark orelse return "";
    return ",\"meta\":\"" ++ @tagName(m) ++ "\"";
}

/// The first mark, in order of precedence, that applies to a `T` and whose
/// hook in `H` says yes for `member` of `Container`.
fn choose(comptime H: type, comptime target: Target, comptime Container: type, comptime member: []const u8, comptime T: type) ?Mark {
    inline for (comptime std.enums.values(Mark)) |m| {
        const hook = "is" ++ @tagName(target) ++ comptime m.hookSuffix();
        if (comptime isPublic(H, hook) and eligible(m, T)) {
            // Built only when asked: a type without hooks never needs it.
            const Members = switch (target) {
                .Decl => std.meta.DeclEnum(Container),
                .Field => std.meta.FieldEnum(Container),
            };
            const says: bool = @field(H, hook)(Container, @field(Members, member));
            if (says) return m;
        }
    }
    return null;
}

/// Whether `T` declares `name` publicly (a private hook is no hook).
fn isPublic(comptime T: type, comptime name: []const u8) bool {
    for (compat.declNames(T)) |n| if (std.mem.eql(u8, n, name)) return true;
    return false;
}

/// Whether mark `m` can apply to values of type `T`: what JS reads for a
/// `T` must be something the transform knows (see the module comment).
pub fn eligible(comptime m: Mark, comptime T: type) bool {
    return switch (m) {
        .string => isText(T),
        .clamped_array => numbersOf(T, isByte),
        .typed_array => numbersOf(T, isTypedElement),
        .plain => isObject(T),
    };
}

/// `T` with optionals, error unions and single-item pointers taken off:
/// what JS holds once the read succeeded and found a value.
fn Unwrapped(comptime T: type) type {
    return switch (@typeInfo(T)) {
        .optional => |o| Unwrapped(o.child),
        .error_union => |e| Unwrapped(e.payload),
        .pointer => if (compat.pointerInfo(T).size == .one) Unwrapped(compat.pointerInfo(T).child) else T,
        else => T,
    };
}

/// u8 (UTF-8) and u16 (UTF-16) arrays, slices and sentinel-terminated
/// many-item pointers, and arrays and slices of those (read as arrays of
/// strings).
fn isText(comptime T: type) bool {
    const U = Unwrapped(T);
    return switch (@typeInfo(U)) {
        .array => |a| isCodeUnit(a.child) or isText(a.child),
        .pointer => switch (compat.pointerInfo(U).size) {
            .slice => isCodeUnit(compat.pointerInfo(U).child) or isText(compat.pointerInfo(U).child),
            .many => compat.pointerInfo(U).sentinel_ptr != null and isCodeUnit(compat.pointerInfo(U).child),
            else => false,
        },
        else => false,
    };
}

fn isCodeUnit(comptime T: type) bool {
    return T == u8 or T == u16;
}

/// Arrays, vectors and slices whose elements satisfy `element`.
fn numbersOf(comptime T: type, comptime element: fn (type) bool) bool {
    const U = Unwrapped(T);
    return switch (@typeInfo(U)) {
        .array => |a| element(a.child),
        .vector => |v| element(v.child),
        .pointer => compat.pointerInfo(U).size == .slice and element(compat.pointerInfo(U).child),
        else => false,
    };
}

fn isByte(comptime T: type) bool {
    return T == u8;
}

/// The element types JS has typed arrays of (f16: Float16Array).
fn isTypedElement(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .int => |n| n.bits == 8 or n.bits == 16 or n.bits == 32 or n.bits == 64,
        .float => |f| f.bits == 16 or f.bits == 32 or f.bits == 64,
        else => false,
    };
}

/// Values whose `valueOf()` gives a plain JS value: structs, unions,
/// arrays, vectors, enums and slices, also through single-item and C
/// pointers.
fn isObject(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .optional => |o| isObject(o.child),
        .error_union => |e| isObject(e.payload),
        .pointer => switch (compat.pointerInfo(T).size) {
            .one, .c => isObject(compat.pointerInfo(T).child),
            .slice => true,
            .many => false,
        },
        .@"struct", .@"union", .array, .vector, .@"enum" => true,
        else => false,
    };
}
