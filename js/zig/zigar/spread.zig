//! Functions with a given list of parameters, made at compile time. Zig
//! cannot declare a function of a computed parameter list, so `Spread`
//! picks, by arity, a function whose parameters are typed from the list and
//! hands its arguments on as one tuple: the work queue's asyncified
//! functions are made this way (one parameter more than the function they
//! queue, the promise or generator JS fills).
const std = @import("std");

/// The most parameters a made function may have.
pub const max_params = 10;

/// A struct whose `call` takes parameters of types `P`, returns `R`, and
/// returns what `impl` (a function of one tuple) makes of its arguments.
pub fn Spread(comptime P: []const type, comptime R: type, comptime impl: anytype) type {
    if (P.len > max_params) {
        @compileError(std.fmt.comptimePrint("at most {d} parameters are supported, not {d}", .{ max_params, P.len }));
    }
    return switch (P.len) {
        0 => struct {
            pub fn call() R {
                return impl(.{});
            }
        },
        1 => struct {
            pub fn call(a0: P[0]) R {
                return impl(.{a0});
            }
        },
        2 => struct {
            pub fn call(a0: P[0], a1: P[1]) R {
                return impl(.{ a0, a1 });
            }
        },
        3 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2]) R {
                return impl(.{ a0, a1, a2 });
            }
        },
        4 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3]) R {
                return impl(.{ a0, a1, a2, a3 });
            }
        },
        5 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3], a4: P[4]) R {
                return impl(.{ a0, a1, a2, a3, a4 });
            }
        },
        6 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3], a4: P[4], a5: P[5]) R {
                return impl(.{ a0, a1, a2, a3, a4, a5 });
            }
        },
        7 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3], a4: P[4], a5: P[5], a6: P[6]) R {
                return impl(.{ a0, a1, a2, a3, a4, a5, a6 });
            }
        },
        8 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3], a4: P[4], a5: P[5], a6: P[6], a7: P[7]) R {
                return impl(.{ a0, a1, a2, a3, a4, a5, a6, a7 });
            }
        },
        9 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3], a4: P[4], a5: P[5], a6: P[6], a7: P[7], a8: P[8]) R {
                return impl(.{ a0, a1, a2, a3, a4, a5, a6, a7, a8 });
            }
        },
        10 => struct {
            pub fn call(a0: P[0], a1: P[1], a2: P[2], a3: P[3], a4: P[4], a5: P[5], a6: P[6], a7: P[7], a8: P[8], a9: P[9]) R {
                return impl(.{ a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 });
            }
        },
        else => unreachable,
    };
}

/// The type of `Spread(P, R, _).call`.
pub fn Fn(comptime P: []const type, comptime R: type) type {
    return @TypeOf(Spread(P, R, unused).call);
}

fn unused(args: anytype) noreturn {
    _ = args;
    unreachable;
}
