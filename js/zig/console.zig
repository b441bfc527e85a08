//! Routes what Zig code writes to stdout and stderr to the host, so that it
//! reaches JavaScript's `console`. The module is linked against libc, whose
//! `write`/`writev` every std writer ends in; this file defines both symbols
//! with hidden visibility, so the module's own references bind here while
//! the rest of the process keeps libc's.
const std = @import("std");
const linux = std.os.linux;

/// Host callback: takes bytes written to `fd` (1 or 2) and returns true, or
/// returns false when it cannot (e.g. the writing thread is not a JS thread),
/// in which case the bytes go to the real file descriptor.
pub const Sink = *const fn (fd: c_int, bytes: [*]const u8, len: usize) callconv(.c) bool;

var sink = std.atomic.Value(?Sink).init(null);

pub fn setSink(s: ?Sink) void {
    sink.store(s, .release);
}

fn offer(fd: c_int, bytes: [*]const u8, len: usize) bool {
    if (fd != 1 and fd != 2) return false;
    const s = sink.load(.acquire) orelse return false;
    return s(fd, bytes, len);
}

fn libcResult(rc: usize) isize {
    const signed: isize = @bitCast(rc);
    if (signed >= 0) return signed;
    std.c._errno().* = @intCast(-signed);
    return -1;
}

fn write(fd: c_int, bytes: [*]const u8, len: usize) callconv(.c) isize {
    if (offer(fd, bytes, len)) return @intCast(len);
    return libcResult(linux.write(fd, bytes, len));
}

fn writev(fd: c_int, iov: [*]const std.posix.iovec_const, count: c_int) callconv(.c) isize {
    const vecs = iov[0..@intCast(@max(count, 0))];
    if (fd == 1 or fd == 2) {
        if (sink.load(.acquire) != null) {
            var total: usize = 0;
            for (vecs) |v| {
                if (!offer(fd, v.base, v.len)) break;
                total += v.len;
            } else return @intCast(total);
            if (total > 0) return @intCast(total);
        }
    }
    return libcResult(linux.writev(fd, iov, @intCast(vecs.len)));
}

comptime {
    @export(&write, .{ .name = "write", .visibility = .hidden });
    @export(&writev, .{ .name = "writev", .visibility = .hidden });
}
