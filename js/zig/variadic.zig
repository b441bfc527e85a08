//! Calls to variadic C functions (`snprintf(buf, n, fmt, ...)`). JS states
//! each extra argument's C type by passing an instance of a Zig type; what
//! reaches the thunk is, per extra, its class (integer of at most 32 bits,
//! 64-bit integer, pointer, double) and its 64 bits. No Zig call can take a
//! mix of types chosen at run time, but the C ABIs zigport runs on pass
//! variadic extras by class only, so one call with a fixed shape covers
//! every mix:
//! - x86_64 System V and AArch64 Linux: integers and pointers take the
//!   general registers the fixed parameters left, doubles the vector
//!   registers, in order and counted apart; the rest go on the stack in
//!   argument order, 8 bytes each. The thunk passes exactly enough u64
//!   arguments to fill the free general registers, f64 ones to fill the
//!   vector registers, then `max_extras` u64 stack words, and puts each extra
//!   where the ABI would have put it.
//! - wasm32: the caller stores the extras in a buffer, each at its natural
//!   alignment, and passes its address. Passing `max_extras` u64 words
//!   makes LLVM build that buffer from them, so the thunk lays the extras
//!   out in those words as the callee will read them.
const std = @import("std");
const builtin = @import("builtin");
const compat = @import("compat.zig");
const wire = @import("wire.zig");
const thunk_frame = @import("thunk.zig");
const returned = @import("returned.zig");
const zig_builtins = @import("zig_builtins");

/// Most extra arguments one call may pass.
pub const max_extras = 32;

/// One extra argument as JS writes it into the frame: a scalar's bits, or
/// for a pointer the address the runtime writes (a pointer slot of its own,
/// which the runtime nulls when JS passes no pointer there).
pub const Extra = extern struct { class: u32, unused: u32, bits: u64, address: u64 };

/// The classes JS gives an extra (js/internal/calls/variadic.js).
pub const Class = enum(u32) { int32 = 1, int64 = 2, pointer = 3, double = 4 };

const arch = builtin.target.cpu.arch;
const Abi = enum { registers, wasm_words, none };
const abi: Abi = if (arch == .x86_64 and builtin.target.os.tag != .windows)
    .registers
else if (arch == .aarch64 and builtin.target.os.tag == .linux)
    .registers
else if (arch == .wasm32)
    .wasm_words
else
    .none;
/// General and vector registers for arguments.
const gpr_count = if (arch == .x86_64) 6 else 8;
const vector_count = 8;

/// How a fixed parameter or the result travels: in a general register, in
/// a vector register, or not as a scalar the thunk can reason about.
fn registerKind(comptime T: type) ?enum { general, vector } {
    return switch (@typeInfo(T)) {
        .bool => .general,
        .int => |i| if (i.bits <= 64) .general else null,
        .float => |f| if (f.bits == 32 or f.bits == 64) .vector else null,
        .@"enum" => |e| registerKind(e.tag_type),
        .pointer => if (compat.pointerInfo(T).size != .slice) .general else null,
        .optional => |o| if (@typeInfo(o.child) == .pointer) registerKind(o.child) else null,
        else => null,
    };
}

/// Why JS cannot call variadic function type `F`, or null when it can.
pub fn problem(comptime F: type) ?[]const u8 {
    if (abi == .none) return "variadic functions cannot be called on " ++ @tagName(arch) ++ "-" ++ @tagName(builtin.target.os.tag) ++ " yet";
    const info = compat.fnInfo(F);
    for (info.params, 0..) |P, i| {
        if (registerKind(P.?) == null)
            return std.fmt.comptimePrint("variadic function: fixed parameter {d} ({s}) must be an integer, float, bool or pointer", .{ i, @typeName(P.?) });
    }
    const R = info.return_type.?;
    if (R != void and registerKind(R) == null) return "variadic function: return type " ++ @typeName(R) ++ " must be void, an integer, float, bool or pointer";
    return null;
}

/// The frame of a call to variadic function type `F`: its fixed parameters
/// as `ArgFrame` has them, then the count of extras and the extras.
pub fn Frame(comptime F: type) type {
    return thunk_frame.FrameOf(F, &.{ .{ "count", u32 }, .{ "extras", [max_extras]Extra } });
}

/// Registers of each kind the fixed parameters of `F` take.
fn fixedRegisters(comptime F: type) struct { general: usize, vector: usize } {
    var general = 0;
    var vector = 0;
    for (compat.fnInfo(F).params) |P| switch (registerKind(P.?).?) {
        .general => general += 1,
        .vector => vector += 1,
    };
    return .{ .general = general, .vector = vector };
}

/// The types of the arguments of the one call the thunk makes.
fn CallArgs(comptime F: type) type {
    var types: []const type = &.{};
    for (compat.fnInfo(F).params) |P| types = types ++ [_]type{P.?};
    switch (abi) {
        .registers => {
            const used = fixedRegisters(F);
            types = types ++ repeated(u64, gpr_count -| used.general);
            types = types ++ repeated(f64, vector_count -| used.vector);
            types = types ++ repeated(u64, max_extras);
        },
        .wasm_words => types = types ++ repeated(u64, max_extras),
        .none => {},
    }
    return zig_builtins.Tuple(types);
}

/// `T`, `n` times (`**` on arrays is not in every Zig this supports).
fn repeated(comptime T: type, comptime n: usize) []const type {
    var types: [n]type = undefined;
    for (&types) |*U| U.* = T;
    const done = types;
    return &done;
}

/// Builds the thunk for variadic function `f`.
pub fn thunkFor(comptime f: anytype) thunk_frame.Thunk {
    const F = @TypeOf(f);
    return &struct {
        fn call(raw: *anyopaque) callconv(.c) void {
            const frame: *Frame(F) = @ptrCast(@alignCast(raw));
            callInFrame(F, f, frame);
        }
    }.call;
}

fn callInFrame(comptime F: type, comptime f: F, frame: *Frame(F)) void {
    const info = comptime compat.fnInfo(F);
    const n = info.params.len;
    var args: CallArgs(F) = undefined;
    inline for (info.params, 0..) |P, i| args[i] = wire.fromWire(P.?, @field(frame, std.fmt.comptimePrint("{d}", .{i})));
    const extras = frame.extras[0..@min(frame.count, max_extras)];
    for (extras) |*e| {
        // A wasm32 address fills the low half; JS zeroed the rest.
        if (e.class == @intFromEnum(Class.pointer)) e.bits = e.address;
    }
    switch (abi) {
        .registers => placeInRegisters(F, n, &args, extras),
        .wasm_words => placeInWords(n, &args, extras),
        .none => unreachable,
    }
    frame.retval = wire.toWire(returned.Returned(info.return_type.?), @call(.auto, callee(F, f), args));
}

/// Where the thunk calls `f`. In WebAssembly, LLVM would otherwise see
/// through to a variadic function it defines and re-pack the words.
fn callee(comptime F: type, comptime f: F) *const F {
    if (abi != .wasm_words) return &f;
    const cell: *const volatile *const F = &Cell(F, f).pointer;
    return cell.*;
}

/// Where `callee` reads the address of `f` back, unknown to the optimizer.
fn Cell(comptime F: type, comptime f: F) type {
    return struct {
        var pointer: *const F = &f;
    };
}

/// Puts each extra where x86_64 System V or AArch64 passes it: the next
/// free general or vector register of its class, else the next stack word.
fn placeInRegisters(comptime F: type, comptime n: usize, args: anytype, extras: []const Extra) void {
    const used = comptime fixedRegisters(F);
    const general = gpr_count -| used.general;
    const vector = vector_count -| used.vector;
    var words: [general + max_extras]u64 = @splat(0);
    var doubles: [vector]f64 = @splat(0);
    var g: usize = 0;
    var v: usize = 0;
    var s: usize = general;
    for (extras) |e| {
        if (e.class == @intFromEnum(Class.double) and v < vector) {
            doubles[v] = @bitCast(e.bits);
            v += 1;
        } else if (e.class != @intFromEnum(Class.double) and g < general) {
            words[g] = e.bits;
            g += 1;
        } else {
            words[s] = e.bits;
            s += 1;
        }
    }
    inline for (0..general) |i| args[n + i] = words[i];
    inline for (0..vector) |i| args[n + general + i] = doubles[i];
    inline for (0..max_extras) |i| args[n + general + vector + i] = words[general + i];
}

/// Lays the extras out as wasm32's C ABI stores them: 32-bit integers and
/// pointers in 4 bytes, 64-bit integers and doubles in 8 bytes aligned to 8.
fn placeInWords(comptime n: usize, args: anytype, extras: []const Extra) void {
    var bytes: [max_extras * 8]u8 align(8) = @splat(0);
    var at: usize = 0;
    for (extras) |e| {
        if (e.class == @intFromEnum(Class.int64) or e.class == @intFromEnum(Class.double)) {
            at = std.mem.alignForward(usize, at, 8);
            std.mem.writeInt(u64, bytes[at..][0..8], e.bits, .little);
            at += 8;
        } else {
            std.mem.writeInt(u32, bytes[at..][0..4], @truncate(e.bits), .little);
            at += 4;
        }
    }
    inline for (0..max_extras) |i| args[n + i] = std.mem.readInt(u64, bytes[i * 8 ..][0..8], .little);
}
