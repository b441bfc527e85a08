//! Error unions of comptime-only values: a chosen type, or why none was.
pub const Backend = struct { name: []const u8 };
pub const LookupError = error{ NoBackend, Disabled };

fn pick(comptime wanted: []const u8) LookupError!type {
    if (wanted.len == 0) return error.NoBackend;
    return Backend;
}

pub const chosen = pick("gpu");
pub const missing = pick("");
pub const steps = .{ @as(anyerror!comptime_int, 3), @as(anyerror!@TypeOf(.enum_literal), error.Unplanned) };
