//! Error unions of pointers held in variables: a cache slot that holds the
//! last lookup's result (a pointer into a table, a name) or why it failed.
pub const LookupError = error{ NotFound, Evicted };

pub const Entry = struct { id: u32, score: f64 };

var entries = [_]Entry{ .{ .id = 1, .score = 0.5 }, .{ .id = 2, .score = 0.75 } };
var name_buffer = [_]u8{ 'a', 'd', 'a' };

pub var last_entry: LookupError!*Entry = LookupError.NotFound;
pub var last_name: LookupError![]const u8 = &name_buffer;
pub const first_entry: LookupError!*const Entry = &entries[0];

pub fn lookup(id: u32) void {
    for (&entries) |*e| {
        if (e.id == id) {
            last_entry = e;
            return;
        }
    }
    last_entry = LookupError.NotFound;
}

pub fn lastScore() LookupError!f64 {
    return (try last_entry).score;
}

pub fn lastNameLength() LookupError!usize {
    return (try last_name).len;
}
