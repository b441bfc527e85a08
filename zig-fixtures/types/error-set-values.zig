//! Error sets as values: parameters, results, variables, fields, array
//! elements and optionals, `anyerror` among them; and error unions in memory
//! that hold an error rather than a value.
pub const FileError = error{ AccessDenied, FileNotFound, OutOfSpace };
pub const NetError = error{ Timeout, AccessDenied };

pub fn isAccessDenied(e: FileError) bool {
    return e == error.AccessDenied;
}

pub fn worst() FileError {
    return error.OutOfSpace;
}

pub fn maybeError(yes: bool) ?FileError {
    return if (yes) error.FileNotFound else null;
}

pub fn nameOf(e: anyerror) []const u8 {
    return @errorName(e);
}

pub fn widen(e: NetError) anyerror {
    return e;
}

pub var last: FileError = error.FileNotFound;
pub var any: anyerror = error.Timeout;
pub var recent: [3]FileError = .{ error.AccessDenied, error.FileNotFound, error.OutOfSpace };
pub var pending: ?FileError = null;

pub const Report = struct { code: u32, failure: FileError, previous: ?FileError = null };

pub fn failureOf(r: Report) FileError {
    return r.failure;
}

/// An error union in Zig's memory, which JS may set to an error or a value.
pub var outcome: FileError!u32 = 5;

/// What Zig sees in `outcome`: the error's name, or "value".
pub fn describeOutcome() []const u8 {
    return if (outcome) |_| "value" else |e| @errorName(e);
}

pub const Attempt = struct { tries: u8, result: FileError!u16 = 0 };

pub fn attemptFailed(a: *const Attempt) bool {
    return if (a.result) |_| false else |_| true;
}
