//! JS functions as Zig function pointers. For each function-pointer type
//! JS can call (each has a caller in the descriptor), the exporter also
//! makes a family of `slot_count` trampolines: Zig functions of exactly that
//! type, told apart only by their slot number. JS binds a JS function to a
//! free slot and hands Zig the trampoline's address. A call through it
//! stores the arguments in a `Frame(F)` (each parameter as a value in
//! memory, as a struct field holds it), asks the host to run the bound
//! function on it, and returns the result the host stored there.
//!
//! Natively the host is a function the addon installs (it runs the JS
//! function on the JS thread, or carries the call there from another
//! thread); in WebAssembly it is an import of the JS host.
const std = @import("std");
const builtin = @import("builtin");
const compat = @import("compat.zig");
const support = @import("support.zig");
const zig_builtins = @import("zig_builtins");

const is_wasm = builtin.target.cpu.arch.isWasm();

/// Trampolines per function-pointer type: the most JS functions of one type
/// bound at once. Each costs a small function in the library.
pub const slot_count = 64;

/// Most parameters a function type may have for JS functions to take its place.
pub const max_params = 12;

/// What the host reports for a call, by the trampoline's result type.
pub const Status = enum(i32) {
    /// The JS function ran and its result is in the frame.
    done = 0,
    /// The JS function threw, or its result did not convert (already reported).
    failed = 1,
    /// Called from a thread other than the JS thread while that thread waits in Zig.
    deadlock = 2,
    /// The module was abandoned, or the process is exiting.
    closed = 3,
    /// No JS function is bound to this slot (it was released).
    released = 4,
    _,
};

/// The host: runs the JS function bound to `slot` of caller `caller` on `frame`.
pub const Host = *const fn (context: ?*anyopaque, caller: u32, slot: u32, frame: *anyopaque) callconv(.c) Status;

var host = std.atomic.Value(?Host).init(null);
var host_context = std.atomic.Value(?*anyopaque).init(null);

/// Installs the native host; `context` is what it receives back.
pub fn setHost(h: ?Host, context: ?*anyopaque) void {
    host_context.store(context, .release);
    host.store(h, .release);
}

pub fn hostContext() ?*anyopaque {
    return host_context.load(.acquire);
}

extern "zigport" fn callback(caller: u32, slot: u32, frame: *anyopaque) Status;

fn runOnHost(caller: u32, slot: u32, frame: *anyopaque) Status {
    if (is_wasm) return callback(caller, slot, frame);
    const h = host.load(.acquire) orelse return .closed;
    return h(host_context.load(.acquire), caller, slot, frame);
}

fn fieldName(comptime i: usize) [:0]const u8 {
    return std.fmt.comptimePrint("{d}", .{i});
}

/// The frame of a JS function standing in for a function of type `F`:
/// parameters as fields "0".."n-1" and the result as "retval", each a value
/// in memory.
pub fn Frame(comptime F: type) type {
    const info = compat.fnInfo(F);
    const n = info.params.len;
    var names: [n + 1][:0]const u8 = undefined;
    var types: [n + 1]type = undefined;
    for (info.params, 0..) |P, i| {
        names[i] = fieldName(i);
        types[i] = P.?;
    }
    names[n] = "retval";
    types[n] = info.return_type.?;
    return zig_builtins.Struct(&names, &types);
}

/// Why JS functions cannot stand in for functions of type `F` (whose
/// pointers JS can already call), or null when they can.
pub fn problem(comptime F: type) ?[]const u8 {
    const info = compat.fnInfo(F);
    if (info.params.len > max_params) return std.fmt.comptimePrint("it has more than {d} parameters", .{max_params});
    for (info.params, 0..) |P, i| {
        if (!support.isStorable(P.?)) return std.fmt.comptimePrint("parameter {d} ({s}) cannot be handed to JS", .{ i, @typeName(P.?) });
    }
    const R = info.return_type.?;
    if (R == void) return null;
    if (R == noreturn) return "its result type is noreturn, and a JS function returns";
    if (@typeInfo(R) == .error_union and @typeInfo(R).error_union.payload == noreturn) return "its result type " ++ @typeName(R) ++ " never holds a value";
    if (!support.isStorable(R)) return "its result type " ++ @typeName(R) ++ " cannot be set from JS";
    return null;
}

/// Whether a call from another thread must wait for the JS function: it
/// returns a value, or an argument points into the calling thread's memory,
/// which may be gone once the call returns.
pub fn waits(comptime F: type) bool {
    return compat.fnInfo(F).return_type.? != void or passesPointers(F);
}

/// Whether an argument of `F` is or holds a pointer, which JS reads through
/// the runtime (natively, from a copy of the frame the runtime makes).
pub fn passesPointers(comptime F: type) bool {
    for (compat.fnInfo(F).params) |P| {
        if (isHandle(P.?)) continue;
        if (@typeInfo(P.?) == .pointer or support.holdsPointers(P.?)) return true;
    }
    return false;
}

/// Whether the arguments or the result of `F` are or hold pointers, which
/// JS reads and writes in a copy of the frame the runtime makes natively.
pub fn framesPointers(comptime F: type) bool {
    return passesPointers(F) or holdsDataPointers(compat.fnInfo(F).return_type.?);
}

fn holdsDataPointers(comptime T: type) bool {
    if (isHandle(T) or support.isFunctionPointer(T)) return false;
    return switch (@typeInfo(T)) {
        .pointer => true,
        .optional => |o| holdsDataPointers(o.child),
        .error_union => |e| holdsDataPointers(e.payload),
        else => support.holdsPointers(T),
    };
}

/// A pointer to an opaque type, optional or not: an address JS never follows.
fn isHandle(comptime T: type) bool {
    const P = if (@typeInfo(T) == .optional) @typeInfo(T).optional.child else T;
    return @typeInfo(P) == .pointer and @typeInfo(compat.pointerInfo(P).child) == .@"opaque";
}

/// What a trampoline returns when the JS function gave no result: for an
/// error union, `error.Deadlock` (a call that would have waited forever) or
/// `error.Unexpected` where its set holds them; for other results, zeros,
/// as a JS function returning nothing would (the JS error has been reported
/// already). Anything else (an error set without those, a non-optional
/// pointer) ends in a panic that says why.
fn failure(comptime R: type, status: Status) R {
    if (@typeInfo(R) == .error_union) {
        const E = @typeInfo(R).error_union.error_set;
        if (status == .deadlock and comptime holdsError(E, "Deadlock")) return @field(anyerror, "Deadlock");
        if (comptime holdsError(E, "Unexpected")) return @field(anyerror, "Unexpected");
    } else if (comptime canBeZeros(R)) {
        var zeros: R = undefined;
        @memset(std.mem.asBytes(&zeros), 0);
        return zeros;
    }
    @panic(switch (status) {
        .deadlock => "a JS function was called from another thread while the JS thread waited in Zig; it could not run",
        .closed => "a JS function was called after its module was abandoned, or while the process exits",
        .released => "a JS function was called through a pointer that was released",
        else => "JavaScript function failed",
    });
}

/// Whether all-zero bytes are a valid `T`: no pointer in it may be null.
fn canBeZeros(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .pointer => |p| p.size == .slice or p.size == .c or compat.pointerInfo(T).is_allowzero,
        .optional, .void, .int, .float, .bool, .vector => true,
        .array => |a| canBeZeros(a.child),
        .@"struct" => for (compat.structFields(T)) |f| {
            if (!f.is_comptime and !canBeZeros(f.type)) break false;
        } else true,
        .error_union => |e| canBeZeros(e.payload),
        else => false,
    };
}

fn holdsError(comptime E: type, comptime name: []const u8) bool {
    const names = compat.errorNames(E) orelse return true;
    for (names) |n| if (std.mem.eql(u8, n, name)) return true;
    return false;
}

/// Runs the JS function bound to `slot` of caller `caller` with `args`.
/// The slot is a run-time value so that the many trampolines of one type
/// share this one body, each only forwarding its arguments and number.
fn run(comptime F: type, comptime caller: u32, slot: u32, args: std.meta.ArgsTuple(F)) compat.fnInfo(F).return_type.? {
    const R = compat.fnInfo(F).return_type.?;
    var frame: Frame(F) = undefined;
    inline for (0..args.len) |i| @field(frame, fieldName(i)) = args[i];
    const status = runOnHost(caller, slot, &frame);
    if (status != .done) return failure(R, status);
    return frame.retval;
}

/// Trampoline `slot` of the JS functions standing in for `F`, whose caller
/// is function `caller` of the descriptor.
pub fn trampoline(comptime F: type, comptime caller: u32, comptime slot: u32) *const F {
    const info = compat.fnInfo(F);
    const P = info.params;
    const R = info.return_type.?;
    const cc = info.calling_convention;
    const T = switch (P.len) {
        0 => struct {
            fn call() callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{} });
            }
        },
        1 => struct {
            fn call(a: P[0].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{a} });
            }
        },
        2 => struct {
            fn call(a: P[0].?, b: P[1].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b } });
            }
        },
        3 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c } });
            }
        },
        4 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d } });
            }
        },
        5 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e } });
            }
        },
        6 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f } });
            }
        },
        7 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?, g: P[6].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f, g } });
            }
        },
        8 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?, g: P[6].?, h: P[7].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f, g, h } });
            }
        },
        9 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?, g: P[6].?, h: P[7].?, i: P[8].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f, g, h, i } });
            }
        },
        10 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?, g: P[6].?, h: P[7].?, i: P[8].?, j: P[9].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f, g, h, i, j } });
            }
        },
        11 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?, g: P[6].?, h: P[7].?, i: P[8].?, j: P[9].?, k: P[10].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f, g, h, i, j, k } });
            }
        },
        12 => struct {
            fn call(a: P[0].?, b: P[1].?, c: P[2].?, d: P[3].?, e: P[4].?, f: P[5].?, g: P[6].?, h: P[7].?, i: P[8].?, j: P[9].?, k: P[10].?, l: P[11].?) callconv(cc) R {
                return @call(.never_inline, run, .{ F, caller, slot, .{ a, b, c, d, e, f, g, h, i, j, k, l } });
            }
        },
        else => @compileError("more parameters than a trampoline takes"),
    };
    // `F` may mark parameters `noalias`, which the type compares and the ABI ignores.
    return @ptrCast(&T.call);
}

/// The address of trampoline `slot` of `F` (whose caller is `caller`).
pub fn address(comptime F: type, comptime caller: u32, slot: usize) usize {
    inline for (0..slot_count) |i| {
        if (slot == i) return @intFromPtr(trampoline(F, caller, i));
    }
    return 0;
}
