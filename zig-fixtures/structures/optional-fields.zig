//! Optionals and error unions inside structs, arrays and variables, read and
//! written where they lie.
pub const Reading = struct {
    celsius: ?f64 = null,
    station: ?u16,
    status: anyerror!u8 = 0,
};

pub var last: ?i32 = 7;
pub var history: [3]?u8 = .{ 1, null, 3 };
pub var outcome: error{ Offline, Broken }!u32 = error.Offline;

pub fn lastOrZero() i32 {
    return last orelse 0;
}

pub fn historySum() u32 {
    var total: u32 = 0;
    for (history) |h| total += h orelse 0;
    return total;
}

pub fn describe(r: Reading) f64 {
    return (r.celsius orelse -1000) + @as(f64, @floatFromInt(r.station orelse 0));
}

pub fn fail(r: *Reading) void {
    r.status = error.SensorLost;
}
