//! The memory layouts zigport assumes for optionals and error unions, which
//! Zig does not define, and the check that proves them at load time.
//!
//! `?T` (T not a pointer) is taken to hold T at offset 0 and a presence byte
//! right after it; `E!T` to hold whichever of T and the error code is more
//! aligned first. With these, such values can live in structs, arrays and
//! variables that JS reads in place. `zigport_check_layouts` (exporter.zig)
//! runs `holds` over every such type a module uses; the runtime refuses the
//! module if one is laid out otherwise.
const std = @import("std");
const support = @import("support.zig");
const compat = @import("compat.zig");
const zig_builtins = @import("zig_builtins");

/// Integer type that holds an error code (`@intFromError`).
pub const ErrorCode = zig_builtins.Int(.unsigned, @bitSizeOf(anyerror));

/// Whether `?T` is described by its memory layout (rather than boundary form).
pub fn isMemoryOptional(comptime T: type) bool {
    const child = @typeInfo(T).optional.child;
    if (isFlaggedPointer(T)) return true;
    // `??T` nests: the inner optional is a value like any other, with its
    // own presence byte, as long as it is itself laid out in memory.
    if (@typeInfo(child) == .optional) return isMemoryOptional(child);
    return @typeInfo(child) != .pointer and @typeInfo(child) != .error_set and
        support.isInMemory(child) and !support.holdsPointers(child);
}

/// The bytes of a `T` value that storing one writes: all of its size but
/// for a float or vector whose value ends before its size does (`f80` in
/// 16 bytes, `@Vector(3, i32)` in 16), whose spare bytes a store may leave
/// as they were. The layout checks compare only these; an optional's flag,
/// an error code or a tag that Zig kept in the spare bytes would show as a
/// changed value byte or a wrong flag, and the module would be refused.
fn storedSize(comptime T: type) usize {
    const spare_tail = switch (@typeInfo(T)) {
        .float => @bitSizeOf(T) < 8 * @sizeOf(T),
        // A bit-packed vector (of bools, u3...) is stored whole.
        .vector => |v| !compat.packsVectorElements(v.child) and @bitSizeOf(T) < 8 * @sizeOf(T),
        else => false,
    };
    return if (spare_tail) (@bitSizeOf(T) + 7) / 8 else @sizeOf(T);
}

/// Whether `bytes` begin with the stored bytes of `patterned(T)`.
fn holdsPatternedValue(comptime T: type, bytes: []const u8) bool {
    return std.mem.eql(u8, bytes[0..storedSize(T)], std.mem.asBytes(&patterned(T))[0..storedSize(T)]);
}

/// Whether `?P` (P a `*T`, `[*]T` or `[]T`) is P with null as address 0, as
/// Zig lays out optional pointers: then it travels and is described as P.
pub fn isNullablePointer(comptime T: type) bool {
    const child = @typeInfo(T).optional.child;
    if (@typeInfo(child) != .pointer) return false;
    const p = compat.pointerInfo(child);
    if (p.size == .c or p.is_allowzero) return false;
    // A slice of slices travels in boundary form, optional or not.
    return p.size != .slice or @typeInfo(p.child) != .pointer;
}

/// Whether `T` is `?[*c]T`: a C pointer may itself be null, so Zig keeps a
/// presence flag beside it, as for an optional value; JS follows the pointer
/// where it lies in memory.
pub fn isFlaggedPointer(comptime T: type) bool {
    const child = @typeInfo(T).optional.child;
    return @typeInfo(child) == .pointer and compat.pointerInfo(child).size == .c and support.isFollowablePointer(child);
}

/// Whether `?E` (E an error set) is the error code with 0 for null, as Zig
/// lays it out: then it travels and is described as a nullable error set.
pub fn isNullableErrorSet(comptime T: type) bool {
    return @typeInfo(@typeInfo(T).optional.child) == .error_set;
}

/// Whether `E!T` is described by its memory layout.
pub fn isMemoryErrorUnion(comptime T: type) bool {
    const payload = @typeInfo(T).error_union.payload;
    return payload == void or (@typeInfo(payload) != .pointer and support.isInMemory(payload) and
        !support.holdsPointers(payload));
}

/// Whether `E!P` holds a pointer JS follows where it lies in memory (`*T`,
/// `[]T`, `[*]T`, a handle, a function pointer; not a slice of slices,
/// which travels in boundary form): it is described as laid out in memory,
/// its error code beside the pointer, and may be a variable or constant.
/// Inside values it is not supported: no call plans a pointer behind an
/// error code.
pub fn isPointerErrorUnion(comptime T: type) bool {
    const payload = @typeInfo(T).error_union.payload;
    if (@typeInfo(payload) != .pointer) return false;
    if (support.isFunctionPointer(payload)) return true;
    const p = compat.pointerInfo(payload);
    return support.isFollowablePointer(payload) and (p.size != .slice or @typeInfo(p.child) != .pointer);
}

pub const Offsets = struct { value: usize, flag: usize };

/// Where `?T` keeps its value and its presence byte.
pub fn optionalOffsets(comptime T: type) Offsets {
    return .{ .value = 0, .flag = @sizeOf(@typeInfo(T).optional.child) };
}

/// Where `E!T` keeps its value and its error code.
pub fn errorUnionOffsets(comptime T: type) Offsets {
    const P = @typeInfo(T).error_union.payload;
    if (@alignOf(P) >= @alignOf(ErrorCode)) {
        return .{ .value = 0, .flag = std.mem.alignForward(usize, @sizeOf(P), @alignOf(ErrorCode)) };
    }
    return .{ .value = std.mem.alignForward(usize, @sizeOf(ErrorCode), @alignOf(P)), .flag = 0 };
}

/// Whether `T` is a tagged union JS can view (`union(enum)` of values in memory).
pub fn isMemoryTaggedUnion(comptime T: type) bool {
    const u = @typeInfo(T).@"union";
    if (u.tag_type == null or u.layout != .auto) return false;
    inline for (comptime compat.unionFields(T)) |f| if (f.type != void and !support.isInMemory(f.type)) return false;
    return true;
}

/// Whether `T` is a tagged union whose fields are values in memory or
/// pointers JS can follow, at least one a pointer. Its tag says which
/// pointer is valid, so a variable of it can be read and assigned in place;
/// it never crosses a call (nothing would say which pointer to pass).
pub fn isPointerTaggedUnion(comptime T: type) bool {
    const u = @typeInfo(T).@"union";
    if (u.tag_type == null or u.layout != .auto) return false;
    var pointers = false;
    inline for (comptime compat.unionFields(T)) |f| {
        if (support.isFollowablePointer(f.type)) {
            pointers = true;
        } else if (f.type != void and !support.isInMemory(f.type)) return false;
    }
    return pointers;
}

/// Where a tagged union keeps its payload and its tag: the more aligned
/// first, the tag on a tie.
pub fn taggedUnionOffsets(comptime T: type) Offsets {
    return unionOffsets(T, @typeInfo(T).@"union".tag_type.?);
}

/// Whether `T` is a bare union (`union { ... }`) of values in memory.
pub fn isMemoryBareUnion(comptime T: type) bool {
    const u = @typeInfo(T).@"union";
    if (u.tag_type != null or u.layout != .auto) return false;
    inline for (comptime compat.unionFields(T)) |f| if (f.type != void and !support.isInMemory(f.type)) return false;
    return true;
}

/// The integer Zig keeps a bare union's hidden safety tag in: the field's
/// index, as for an enum of that many fields.
fn SafetyTag(comptime T: type) type {
    return std.math.IntFittingRange(0, @max(1, compat.unionFields(T).len) - 1);
}

/// Where a bare union keeps its payload and, when Zig added one (runtime
/// safety on, more than one field), its hidden tag: as a tagged union would,
/// with the field index as the tag. Null when there is no hidden tag, which
/// shows in the size: then it is the payload's alone.
pub fn bareUnionSelector(comptime T: type) ?struct { offsets: Offsets, size: usize } {
    const Tag = SafetyTag(T);
    if (@sizeOf(Tag) == 0 or @sizeOf(T) == payloadSize(T)) return null;
    return .{ .offsets = unionOffsets(T, Tag), .size = @sizeOf(Tag) };
}

fn payloadSize(comptime T: type) usize {
    comptime var size = 0;
    comptime var alignment = 1;
    inline for (comptime compat.unionFields(T)) |f| {
        size = @max(size, @sizeOf(f.type));
        alignment = @max(alignment, @alignOf(f.type));
    }
    return std.mem.alignForward(usize, size, alignment);
}

fn unionOffsets(comptime T: type, comptime Tag: type) Offsets {
    comptime var size = 0;
    comptime var alignment = 1;
    inline for (comptime compat.unionFields(T)) |f| {
        size = @max(size, @sizeOf(f.type));
        alignment = @max(alignment, @alignOf(f.type));
    }
    // Zig puts the tag first when it is at least as aligned as the payload.
    if (alignment > @alignOf(Tag)) return .{ .value = 0, .flag = std.mem.alignForward(usize, size, @alignOf(Tag)) };
    return .{ .value = std.mem.alignForward(usize, @sizeOf(Tag), alignment), .flag = 0 };
}

/// Whether `T`'s actual layout is the assumed one (true for other types,
/// and for comptime-only ones, which have none).
pub fn holds(comptime T: type) bool {
    if (comptime compat.isComptimeOnly(T)) return true;
    return switch (@typeInfo(T)) {
        .optional => if (comptime isNullablePointer(T))
            nullablePointerHolds(T)
        else if (comptime isNullableErrorSet(T))
            nullableErrorSetHolds(T)
        else
            !isMemoryOptional(T) or optionalHolds(T),
        .pointer => |p| p.size != .slice or sliceHolds(T),
        .error_union => !(isMemoryErrorUnion(T) or isPointerErrorUnion(T)) or errorUnionHolds(T),
        .error_set => errorSetHolds(T),
        .vector => vectorHolds(T),
        .@"union" => if (isMemoryBareUnion(T))
            bareUnionHolds(T)
        else
            !(isMemoryTaggedUnion(T) or isPointerTaggedUnion(T)) or taggedUnionHolds(T),
        else => true,
    };
}

/// With each field stored, its bytes are at the payload offset and the tag
/// holds the field's tag value.
fn taggedUnionHolds(comptime T: type) bool {
    const Tag = @typeInfo(T).@"union".tag_type.?;
    const at = taggedUnionOffsets(T);
    if (at.flag + @sizeOf(Tag) > @sizeOf(T)) return false;
    inline for (comptime compat.unionFields(T)) |f| {
        var x: T = @unionInit(T, f.name, patterned(f.type));
        const bytes = std.mem.asBytes(&x);
        const payload_ok = holdsPatternedValue(f.type, bytes[at.value..]);
        var expected: Tag = @field(Tag, f.name);
        const tag_ok = std.mem.eql(u8, bytes[at.flag..][0..@sizeOf(Tag)], std.mem.asBytes(&expected));
        if (!payload_ok or !tag_ok) return false;
    }
    return true;
}

/// With each field stored, its bytes are at the payload offset and the
/// hidden tag (if any) holds the field's index; without a hidden tag, the
/// union is its payload alone.
fn bareUnionHolds(comptime T: type) bool {
    const selector = bareUnionSelector(T) orelse return @sizeOf(T) == payloadSize(T);
    const at = selector.offsets;
    if (at.flag + selector.size > @sizeOf(T)) return false;
    inline for (comptime compat.unionFields(T), 0..) |f, i| {
        var x: T = @unionInit(T, f.name, patterned(f.type));
        const bytes = std.mem.asBytes(&x);
        const payload_ok = holdsPatternedValue(f.type, bytes[at.value..]);
        var index: u64 = 0;
        for (bytes[at.flag..][0..selector.size], 0..) |b, k| index |= @as(u64, b) << @intCast(8 * k);
        if (!payload_ok or index != i) return false;
    }
    return true;
}

/// A slice lies in memory as its boundary form `{ ptr, len }` says: the
/// descriptor gives one set of offsets for both.
fn sliceHolds(comptime T: type) bool {
    const Many = @TypeOf(@as(T, undefined).ptr);
    const W = struct { ptr: Many, len: usize };
    if (@sizeOf(T) != @sizeOf(W)) return false;
    // An address that is never followed, only compared.
    const address: usize = 0x1000 * @as(usize, @max(1, compat.pointerInfo(T).alignment));
    // Set field by field: slicing would look for a sentinel at the address.
    var x: T = undefined;
    x.ptr = @as(Many, @ptrFromInt(address));
    x.len = 3;
    const bytes = std.mem.asBytes(&x);
    const read = struct {
        fn at(b: []const u8, offset: usize) usize {
            return std.mem.readInt(usize, b[offset..][0..@sizeOf(usize)], .little);
        }
    }.at;
    return read(bytes, @offsetOf(W, "ptr")) == address and read(bytes, @offsetOf(W, "len")) == 3;
}

/// A null optional pointer is address 0; a present one its address.
fn nullablePointerHolds(comptime T: type) bool {
    const P = @typeInfo(T).optional.child;
    if (@sizeOf(T) != @sizeOf(P)) return false;
    var x: T = null;
    return std.mem.readInt(usize, std.mem.asBytes(&x)[0..@sizeOf(usize)], .little) == 0;
}

/// With a value stored, the value's bytes are at offset 0 and the presence
/// byte is 1; with null stored, the presence byte is 0.
fn optionalHolds(comptime T: type) bool {
    const Child = @typeInfo(T).optional.child;
    const flag = optionalOffsets(T).flag;
    var x: T = null;
    const bytes = std.mem.asBytes(&x);
    if (flag >= bytes.len) return false;
    x = patterned(Child);
    const value_ok = holdsPatternedValue(Child, bytes);
    const some = bytes[flag] == 1;
    x = null;
    return value_ok and some and bytes[flag] == 0;
}

/// With a value stored, its bytes are at the value offset and the code is
/// 0; with an error stored, the code holds the error's number. Every error
/// set is a code of the same size, so `anyerror!P` stands for any `E!P`
/// (and, unlike an inferred set, always has a member to store).
fn errorUnionHolds(comptime T: type) bool {
    const P = @typeInfo(T).error_union.payload;
    const Probe = anyerror!P;
    if (@sizeOf(Probe) != @sizeOf(T) or @alignOf(Probe) != @alignOf(T)) return false;
    const at = errorUnionOffsets(T);
    if (at.flag + @sizeOf(ErrorCode) > @sizeOf(T)) return false;
    var x: Probe = patterned(Unwrapped(P));
    const bytes = std.mem.asBytes(&x);
    const value_ok = holdsPatterned(P, bytes[at.value..][0..@sizeOf(P)]);
    const no_error = code(bytes, at.flag) == 0;
    x = error.ZigportLayoutProbe;
    return value_ok and no_error and code(bytes, at.flag) == @intFromError(error.ZigportLayoutProbe);
}

/// An error set value is its error code, in an error code's bytes.
fn errorSetHolds(comptime E: type) bool {
    if (@sizeOf(E) != @sizeOf(ErrorCode)) return false;
    const e = probeError(E) orelse return true;
    var x: E = e;
    return code(std.mem.asBytes(&x), 0) == @intFromError(e);
}

/// An error of set `E` to store in a layout check, or null for an empty set.
fn probeError(comptime E: type) ?E {
    const names = comptime compat.errorNames(E);
    if (names == null) return error.ZigportLayoutProbe;
    if (names.?.len == 0) return null;
    // Through anyerror, since an inferred error set has no named members.
    return @errorCast(@field(anyerror, names.?[0]));
}

/// Whether vector `T` keeps its elements closer than their byte size:
/// element i at bit i * @bitSizeOf(child) (bools, u3, u24, f80 ...).
pub fn isBitPackedVector(comptime T: type) bool {
    return compat.packsVectorElements(@typeInfo(T).vector.child);
}

/// A vector keeps element i in the `b` bits from bit i * stride, from the
/// first byte's lowest bit: `b` being the element's bit size, and the
/// stride that size when bit-packed, else the element's byte size.
fn vectorHolds(comptime T: type) bool {
    const n = @typeInfo(T).vector.len;
    const Child = @typeInfo(T).vector.child;
    // Vectors of other elements (pointers) are not read from memory.
    if (Child != bool and @typeInfo(Child) != .int and @typeInfo(Child) != .float) return true;
    const b: usize = @bitSizeOf(Child);
    const stride: usize = comptime if (isBitPackedVector(T)) b else 8 * @sizeOf(Child);
    if (n == 0 or b == 0) return true;
    if (@sizeOf(T) * 8 < (n - 1) * stride + b) return false;
    const one = patternedElement(Child);
    const element = std.mem.asBytes(&one);
    // Every other element set, then the others: a misplaced element shows.
    for (0..2) |parity| {
        // Through an array: from Zig 0.16 on, a vector's index must be comptime-known.
        var elements: [n]Child = @splat(zeroElement(Child));
        for (0..n) |i| {
            if (i % 2 == parity) elements[i] = one;
        }
        var x: T = elements;
        const bytes = std.mem.asBytes(&x);
        for (0..n) |k| {
            for (0..b) |bit| {
                const expected = if (k % 2 == parity) bitAt(element, bit) else 0;
                if (bitAt(bytes, k * stride + bit) != expected) return false;
            }
        }
    }
    return true;
}

fn bitAt(bytes: []const u8, bit: usize) u1 {
    return @truncate(bytes[bit / 8] >> @intCast(bit % 8));
}

/// An element whose bits are not all the same (so a misplaced one shows).
fn patternedElement(comptime C: type) C {
    return switch (@typeInfo(C)) {
        .bool => true,
        // The lowest and highest bits set, those between clear.
        .int => @bitCast(@as(zig_builtins.Int(.unsigned, @bitSizeOf(C)), 1) | (@as(zig_builtins.Int(.unsigned, @bitSizeOf(C)), 1) << (@bitSizeOf(C) - 1))),
        .float => -1.75,
        else => unreachable,
    };
}

fn zeroElement(comptime C: type) C {
    return if (C == bool) false else 0;
}

/// `?E` is an error code, 0 when null.
fn nullableErrorSetHolds(comptime T: type) bool {
    const E = @typeInfo(T).optional.child;
    if (@sizeOf(T) != @sizeOf(ErrorCode) or !errorSetHolds(E)) return false;
    var x: T = null;
    if (code(std.mem.asBytes(&x), 0) != 0) return false;
    const e = probeError(E) orelse return true;
    x = e;
    return code(std.mem.asBytes(&x), 0) == @intFromError(e);
}

fn code(bytes: []const u8, at: usize) ErrorCode {
    return std.mem.readInt(ErrorCode, bytes[at..][0..@sizeOf(ErrorCode)], .little);
}

/// Whether `bytes` hold `patterned(Unwrapped(P))` stored into a `P`: the
/// value itself, or for an error union its payload so stored and no error
/// (its padding bytes are whatever the store left there).
fn holdsPatterned(comptime P: type, bytes: []const u8) bool {
    if (@typeInfo(P) != .error_union) return holdsPatternedValue(P, bytes);
    const at = errorUnionOffsets(P);
    const Payload = @typeInfo(P).error_union.payload;
    return code(bytes, at.flag) == 0 and holdsPatterned(Payload, bytes[at.value..][0..@sizeOf(Payload)]);
}

/// The innermost payload of nested error unions: Zig coerces a value of it
/// into the payload of each level, where an inner error union itself would
/// be taken for the outer one (`anyerror!(E!i32)` does not take an `E!i32`).
fn Unwrapped(comptime T: type) type {
    return switch (@typeInfo(T)) {
        .error_union => |e| Unwrapped(e.payload),
        else => T,
    };
}

/// A value whose every byte is 1, so it can be told from zeroed memory.
fn patterned(comptime T: type) T {
    var v: T = undefined;
    @memset(std.mem.asBytes(&v), 1);
    return v;
}
