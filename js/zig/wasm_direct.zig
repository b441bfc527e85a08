//! Direct exports for WebAssembly. A function whose parameters and result
//! are plain numbers (bool, 8- to 64-bit integers, f32, f64) is also
//! exported with its own wasm signature as `zigport_direct_<thunk>`, so JS
//! calls it with arguments as wasm values instead of through a frame in
//! memory: the difference is most of the cost of a small call.
const std = @import("std");
const compat = @import("compat.zig");

/// Most parameters a direct export takes; longer lists use the frame.
const max_params = 6;

/// Whether functions of type `F` get a direct export.
pub fn isDirect(comptime F: type) bool {
    const info = compat.fnInfo(F);
    if (info.is_generic or info.is_var_args or info.params.len > max_params) return false;
    for (info.params) |P| if (!isNumber(P orelse return false)) return false;
    const R = info.return_type orelse return false;
    return R == void or isNumber(R);
}

fn isNumber(comptime T: type) bool {
    return switch (@typeInfo(T)) {
        .bool => true,
        .int => |n| n.bits == 8 or n.bits == 16 or n.bits == 32 or n.bits == 64,
        .float => |n| n.bits == 32 or n.bits == 64,
        else => false,
    };
}

/// A struct whose `call` is `f` with the C calling convention.
pub fn Direct(comptime f: anytype) type {
    const info = compat.fnInfo(@TypeOf(f));
    const R = info.return_type.?;
    const P = struct {
        fn at(comptime i: usize) type {
            return info.params[i].?;
        }
    };
    return switch (info.params.len) {
        0 => struct {
            pub fn call() callconv(.c) R {
                return f();
            }
        },
        1 => struct {
            pub fn call(a: P.at(0)) callconv(.c) R {
                return f(a);
            }
        },
        2 => struct {
            pub fn call(a: P.at(0), b: P.at(1)) callconv(.c) R {
                return f(a, b);
            }
        },
        3 => struct {
            pub fn call(a: P.at(0), b: P.at(1), c: P.at(2)) callconv(.c) R {
                return f(a, b, c);
            }
        },
        4 => struct {
            pub fn call(a: P.at(0), b: P.at(1), c: P.at(2), d: P.at(3)) callconv(.c) R {
                return f(a, b, c, d);
            }
        },
        5 => struct {
            pub fn call(a: P.at(0), b: P.at(1), c: P.at(2), d: P.at(3), e: P.at(4)) callconv(.c) R {
                return f(a, b, c, d, e);
            }
        },
        6 => struct {
            pub fn call(a: P.at(0), b: P.at(1), c: P.at(2), d: P.at(3), e: P.at(4), g: P.at(5)) callconv(.c) R {
                return f(a, b, c, d, e, g);
            }
        },
        else => @compileError("more parameters than a direct export takes"),
    };
}
