//! How values cross the boundary. Zig gives optionals and error unions no
//! defined memory layout, so at the boundary each one travels as a plain
//! struct whose field offsets the descriptor reports: `?T` as
//! `{ value, present }`, `E!T` as `{ value, code }`, a slice `[]T` as
//! `{ ptr, len }`. Everything else travels as itself.
const std = @import("std");

/// Integer type that holds an error code (`@intFromError`).
pub const ErrorCode = std.meta.Int(.unsigned, @bitSizeOf(anyerror));

/// The boundary representation of `T`.
pub fn Wire(comptime T: type) type {
    return switch (@typeInfo(T)) {
        .optional => |o| struct { value: Wire(o.child), present: bool },
        .error_union => |e| struct { value: Wire(e.payload), code: ErrorCode },
        .pointer => |p| if (p.size == .slice) struct { ptr: ManyPointer(T), len: usize } else T,
        else => T,
    };
}

/// `[*]T` (const-ness and alignment kept) for slice type `[]T`.
fn ManyPointer(comptime Slice: type) type {
    return @TypeOf(@as(Slice, undefined).ptr);
}

/// Converts a Zig value into its boundary representation.
pub fn toWire(comptime T: type, v: T) Wire(T) {
    return switch (@typeInfo(T)) {
        .optional => |o| if (v) |x|
            .{ .value = toWire(o.child, x), .present = true }
        else
            .{ .value = undefined, .present = false },
        .error_union => |e| if (v) |x|
            .{ .value = toWire(e.payload, x), .code = 0 }
        else |err|
            .{ .value = undefined, .code = @intFromError(err) },
        .pointer => |p| if (p.size == .slice) .{ .ptr = v.ptr, .len = v.len } else v,
        else => v,
    };
}

/// Converts a boundary representation back into the Zig value.
pub fn fromWire(comptime T: type, w: Wire(T)) T {
    return switch (@typeInfo(T)) {
        .optional => |o| if (w.present) fromWire(o.child, w.value) else null,
        // Error-union parameters are rare; the host only ever sends the
        // payload, never an error code.
        .error_union => |e| fromWire(e.payload, w.value),
        // The host always supplies a non-null, aligned address, even for
        // an empty slice.
        .pointer => |p| if (p.size == .slice) w.ptr[0..w.len] else w,
        else => w,
    };
}
