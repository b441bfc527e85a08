//! Routes what Zig code writes to stdout and stderr to the host, so that it
//! reaches JavaScript's `console`. The module is linked against libc, whose
//! write functions every std writer ends in; this file defines them with
//! hidden visibility, so the module's own references bind here while the
//! rest of the process keeps libc's. The positional ones (`pwrite*`) are
//! included because std's file writer starts in positional mode, which
//! succeeds when stdout is a regular file (`node app.mjs > out.txt`).
const std = @import("std");
const builtin = @import("builtin");
const linux = std.os.linux;
/// The module's build options: without redirection, output goes straight to the file descriptors.
const options = @import("zigport_options");

/// Host callback: takes bytes written to `fd` (1 or 2) and returns true, or
/// returns false when it cannot (e.g. the writing thread is not a JS thread),
/// in which case the bytes go to the real file descriptor.
pub const Sink = *const fn (fd: c_int, bytes: [*]const u8, len: usize) callconv(.c) bool;

var sink = std.atomic.Value(?Sink).init(null);

pub fn setSink(s: ?Sink) void {
    sink.store(s, .release);
}

/// The `fd` that asks the host to write what this thread captured to the
/// real stdout and stderr (runtime/src/console.rs).
const flush_fd: c_int = -1;

/// Called just before the process ends without returning to JS (exit.zig,
/// panic.zig): what the host still holds of this thread's output goes to
/// the real stdout and stderr, and later output goes there directly.
pub fn release() void {
    const s = sink.swap(null, .acq_rel) orelse return;
    _ = s(flush_fd, "", 0);
}

fn offer(fd: c_int, bytes: [*]const u8, len: usize) bool {
    if ((fd != 1 and fd != 2) or !options.use_redirection) return false;
    const s = sink.load(.acquire) orelse return false;
    return s(fd, bytes, len);
}

fn libcResult(rc: usize) isize {
    const signed: isize = @bitCast(rc);
    if (signed >= 0) return signed;
    std.c._errno().* = @intCast(-signed);
    return -1;
}

/// Also where c_stdio.zig sends what C prints to stdout and stderr.
pub fn write(fd: c_int, bytes: [*]const u8, len: usize) callconv(.c) isize {
    if (offer(fd, bytes, len)) return @intCast(len);
    return libcResult(linux.write(fd, bytes, len));
}

fn writev(fd: c_int, iov: [*]const std.posix.iovec_const, count: c_int) callconv(.c) isize {
    const vecs = iov[0..@intCast(@max(count, 0))];
    if (offerAll(fd, vecs)) |total| return total;
    return libcResult(linux.writev(fd, iov, @intCast(vecs.len)));
}

/// Offers every vector to the sink; the byte count, or null when the sink
/// took nothing (so the bytes go to the file descriptor).
fn offerAll(fd: c_int, vecs: []const std.posix.iovec_const) ?isize {
    if ((fd != 1 and fd != 2) or !options.use_redirection or sink.load(.acquire) == null) return null;
    var total: usize = 0;
    for (vecs) |v| {
        if (!offer(fd, v.base, v.len)) break;
        total += v.len;
    }
    return if (total > 0 or vecs.len == 0) @intCast(total) else null;
}

// A console has no positions, so the offset is ignored for fds 1 and 2.
fn pwrite(fd: c_int, bytes: [*]const u8, len: usize, offset: i64) callconv(.c) isize {
    if (offer(fd, bytes, len)) return @intCast(len);
    return libcResult(linux.pwrite(fd, bytes, len, offset));
}

fn pwritev(fd: c_int, iov: [*]const std.posix.iovec_const, count: c_int, offset: i64) callconv(.c) isize {
    const vecs = iov[0..@intCast(@max(count, 0))];
    if (offerAll(fd, vecs)) |total| return total;
    return libcResult(linux.pwritev(fd, iov, @intCast(vecs.len), offset));
}

// Only on Linux: elsewhere (a module built for macOS or Windows) the
// module's output goes straight to the process's own stdout and stderr.
comptime {
    if (builtin.os.tag == .linux) exportWrites();
}

fn exportWrites() void {
    @export(&write, .{ .name = "write", .visibility = .hidden });
    @export(&writev, .{ .name = "writev", .visibility = .hidden });
    for ([_][]const u8{ "pwrite", "pwrite64" }) |name| {
        @export(&pwrite, .{ .name = name, .visibility = .hidden });
    }
    for ([_][]const u8{ "pwritev", "pwritev64" }) |name| {
        @export(&pwritev, .{ .name = name, .visibility = .hidden });
    }
}
