//! An error returned through three Zig functions, so that the error return
//! trace names each of them; an error with a slice as payload (thrown
//! before the result's pointer is read); and one function that succeeds or
//! fails on request, for timing calls that return errors.
pub const ParseError = error{ EmptyInput, BadDigit };

fn readDigit(c: u8) ParseError!u8 {
    if (c < '0' or c > '9') return error.BadDigit;
    return c - '0';
}

fn addDigit(total: u32, c: u8) ParseError!u32 {
    const digit = try readDigit(c);
    return total * 10 + digit;
}

pub fn parseNumber(text: []const u8) ParseError!u32 {
    if (text.len == 0) return error.EmptyInput;
    var total: u32 = 0;
    for (text) |c| total = try addDigit(total, c);
    return total;
}

pub fn leadingDigits(text: []const u8) ParseError![]const u8 {
    for (text, 0..) |c, i| {
        _ = readDigit(c) catch return if (i == 0) error.BadDigit else text[0..i];
    }
    return text;
}

pub fn failWhen(fail: bool) ParseError!u32 {
    if (fail) return error.EmptyInput;
    return 7;
}

/// An error handled inside Zig leaves nothing behind for the next call.
pub fn recover(text: []const u8) u32 {
    return parseNumber(text) catch 0;
}
