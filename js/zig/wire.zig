//! How values cross the boundary. Optionals and error unions of values in
//! memory travel as themselves, in the layout layout.zig assumes and checks;
//! the others (of pointers, of optionals) as a plain struct whose field
//! offsets the descriptor reports: `?T` as `{ value, present }`, `E!T` as
//! `{ value, code }`. A slice `[]T` travels as `{ ptr, len }`. Everything
//! else travels as itself. A slice of slices
//! arrives as `{ ptr, len }` pairs; the thunk turns them into real slices
//! in memory it allocates for the call and frees afterwards (`release`).
const std = @import("std");
const builtin = @import("builtin");
const host_allocator = @import("host_allocator.zig");
const call_memory = @import("call_memory.zig");

const is_wasm = builtin.target.cpu.arch.isWasm();
/// Memory the thunks need for themselves during a call.
const thunk_allocator = if (is_wasm) std.heap.wasm_allocator else std.heap.c_allocator;
const layout = @import("layout.zig");
const compat = @import("compat.zig");

/// Integer type that holds an error code (`@intFromError`).
pub const ErrorCode = layout.ErrorCode;

/// The boundary representation of `T`.
pub fn Wire(comptime T: type) type {
    // An allocator travels as itself; zeros mean "the host's" (wire.zig).
    if (T == std.mem.Allocator) return T;
    return switch (@typeInfo(T)) {
        // `?*T` and `?[]T` are their pointer with null as address 0.
        .optional => |o| if (layout.isMemoryOptional(T) or layout.isNullablePointer(T) or layout.isNullableErrorSet(T)) T else struct { value: Wire(o.child), present: bool },
        .error_union => |e| if (layout.isMemoryErrorUnion(T) or layout.isPointerErrorUnion(T)) T else struct { value: Wire(e.payload), code: ErrorCode },
        .pointer => |p| if (p.size == .slice) struct { ptr: ElementsPointer(T), len: usize } else T,
        else => T,
    };
}

/// Whether slice type `T` holds slices, which travel in boundary form.
fn holdsSlices(comptime T: type) bool {
    const child = @typeInfo(T).pointer.child;
    return @typeInfo(child) == .pointer and @typeInfo(child).pointer.size == .slice;
}

/// The `ptr` of a slice's boundary form: `[*]T` as is (const-ness and
/// alignment kept), or `[*]const Wire(T)` for a slice of slices.
fn ElementsPointer(comptime Slice: type) type {
    if (comptime holdsSlices(Slice)) return [*]const Wire(@typeInfo(Slice).pointer.child);
    return ManyPointer(Slice);
}

/// `[*]T` (const-ness and alignment kept) for slice type `[]T`.
fn ManyPointer(comptime Slice: type) type {
    return @TypeOf(@as(Slice, undefined).ptr);
}

/// Converts a Zig value into its boundary representation.
pub fn toWire(comptime T: type, v: T) Wire(T) {
    if (comptime Wire(T) == T) return v;
    return switch (@typeInfo(T)) {
        .optional => |o| if (v) |x|
            .{ .value = toWire(o.child, x), .present = true }
        else
            .{ .value = undefined, .present = false },
        .error_union => |e| if (v) |x|
            .{ .value = toWire(e.payload, x), .code = 0 }
        else |err|
            .{ .value = undefined, .code = @intFromError(err) },
        // The inner slices are already laid out as their boundary form
        // (layout.zig checks it), so a slice of slices is only relabelled.
        .pointer => |p| if (p.size != .slice) v else if (comptime holdsSlices(T)) .{ .ptr = @ptrCast(v.ptr), .len = v.len } else .{ .ptr = v.ptr, .len = v.len },
        else => v,
    };
}

/// Converts a boundary representation back into the Zig value.
pub fn fromWire(comptime T: type, w: Wire(T)) T {
    // JS leaves an allocator parameter zero unless it passes one it read
    // from Zig: then the call gets the host's (memory as JS memory).
    if (T == std.mem.Allocator) {
        if (!std.mem.allEqual(u8, std.mem.asBytes(&w.vtable), 0)) return w;
        return if (is_wasm) call_memory.allocator() else host_allocator.allocator();
    }
    if (comptime Wire(T) == T and @typeInfo(T) != .pointer) return w;
    return switch (@typeInfo(T)) {
        .optional => |o| if (w.present) fromWire(o.child, w.value) else null,
        // Error-union parameters are rare; the host only ever sends the
        // payload, never an error code.
        .error_union => |e| fromWire(e.payload, w.value),
        // The host always supplies a non-null, aligned address, even for
        // an empty slice.
        .pointer => |p| if (p.size != .slice) w else if (comptime holdsSlices(T)) sliceOfSlices(T, w) else terminate(T, w),
        else => w,
    };
}

/// The slice a `{ ptr, len }` pair means; for `[:s]T` the host has put the
/// sentinel after the `len` elements (which safe builds check).
fn terminate(comptime T: type, w: Wire(T)) T {
    const s = comptime compat.pointerInfo(T).sentinel();
    if (comptime s == null) return w.ptr[0..w.len];
    return w.ptr[0..w.len :s.?];
}

fn sliceOfSlices(comptime T: type, w: Wire(T)) T {
    const Child = @typeInfo(T).pointer.child;
    const slices = thunk_allocator.alloc(Child, w.len) catch @panic("out of memory for a slice of slices");
    for (slices, w.ptr[0..w.len]) |*s, element| s.* = fromWire(Child, element);
    return slices;
}

/// Frees what `fromWire` allocated for a parameter, after the call.
pub fn release(comptime T: type, v: T) void {
    if (T == std.mem.Allocator) return;
    switch (@typeInfo(T)) {
        .optional => |o| if (v) |x| release(o.child, x),
        .pointer => |p| if (p.size == .slice and comptime holdsSlices(T)) {
            for (v) |s| release(p.child, s);
            thunk_allocator.free(v);
        },
        else => {},
    }
}
