//! Slices of slices (`[]const []const u8` from an array of strings), with
//! writable inner slices and an optional outer one.
pub fn totalLength(words: []const []const u8) usize {
    var total: usize = 0;
    for (words) |w| total += w.len;
    return total;
}

pub fn shout(words: []const []u8) void {
    for (words) |w| {
        for (w) |*c| c.* -%= 32;
    }
}

pub fn count(words: ?[]const []const u8) usize {
    return if (words) |w| w.len else 999;
}

pub fn join(words: []const []const u8, out: []u8) usize {
    var n: usize = 0;
    for (words) |w| {
        @memcpy(out[n..][0..w.len], w);
        n += w.len;
    }
    return n;
}

pub fn sumRows(rows: []const []const u32) u64 {
    var total: u64 = 0;
    for (rows) |row| {
        for (row) |v| total += v;
    }
    return total;
}
