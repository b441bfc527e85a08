//! Routes what C code writes through stdio to stdout and stderr (`printf`,
//! `puts`, `fwrite(…, stdout)` and the rest) to the same place as Zig's
//! writes: console.zig's sink. glibc's stdio writes through its own internal
//! `write`, which console.zig cannot replace, so these functions are
//! replaced instead, with hidden visibility: the module's own calls (its C
//! sources and `@import("c")` declarations alike) bind here, while the rest
//! of the process keeps libc's. Output for the console is formatted here
//! and written at once, never held in stdio's buffer; other streams go to
//! libc's own functions, found with `dlsym(RTLD_NEXT, …)`.
const std = @import("std");
const console = @import("console.zig");

const File = anyopaque;
const VaList = std.builtin.VaList;

extern "c" var stdout: *File;
extern "c" var stderr: *File;
// C passes a `va_list` by address on x86_64 (an array type) and on aarch64
// (a large struct goes by reference), so `*VaList` matches both.
extern "c" fn vsnprintf(buf: [*]u8, size: usize, fmt: [*:0]const u8, ap: *VaList) c_int;
extern "c" fn dlsym(handle: ?*anyopaque, name: [*:0]const u8) ?*anyopaque;
extern "c" fn strerror(code: c_int) [*:0]const u8;
extern "c" fn fileno(stream: *File) c_int;
extern "c" fn malloc(size: usize) ?[*]u8;
extern "c" fn free(ptr: ?*anyopaque) void;

/// glibc's RTLD_NEXT: the next definition after this library's.
const rtld_next: ?*anyopaque = @ptrFromInt(@as(usize, @bitCast(@as(isize, -1))));
const eof: c_int = -1;

/// 1 or 2 for a stream on stdout's or stderr's file descriptor (libc's own
/// or one from `fdopen`); null for any other stream.
fn consoleFd(stream: *File) ?c_int {
    if (stream == stdout) return 1;
    if (stream == stderr) return 2;
    const fd = fileno(stream);
    return if (fd == 1 or fd == 2) fd else null;
}

/// libc's definition of `name`, of type `F`, which this file hides.
fn libc(comptime F: type, comptime name: [:0]const u8) *const F {
    // Naming `name` makes the struct (and its variable) one per function:
    // a struct that captures nothing would be one type for all of them.
    const Cached = struct {
        const symbol = name;
        var address = std.atomic.Value(?*anyopaque).init(null);
    };
    const found = Cached.address.load(.acquire) orelse blk: {
        // Every libc defines these; a process without them could not have loaded this module.
        const address = dlsym(rtld_next, Cached.symbol) orelse @panic("libc lacks " ++ name);
        Cached.address.store(address, .release);
        break :blk address;
    };
    return @ptrCast(found);
}

fn writeAll(fd: c_int, bytes: []const u8) bool {
    var rest = bytes;
    while (rest.len > 0) {
        const n = console.write(fd, rest.ptr, rest.len);
        if (n <= 0) return false;
        rest = rest[@intCast(n)..];
    }
    return true;
}

/// Formats `fmt` with `ap` and writes it to console fd `fd`; C's count of
/// bytes written, or a negative number on failure.
fn formatTo(fd: c_int, fmt: [*:0]const u8, ap: *VaList) c_int {
    var small: [1024]u8 = undefined;
    // vsnprintf consumes the list; a second pass needs its own copy.
    var again = @cVaCopy(ap);
    defer @cVaEnd(&again);
    const needed = vsnprintf(&small, small.len, fmt, ap);
    if (needed < 0) return needed;
    const len: usize = @intCast(needed);
    if (len < small.len) return if (writeAll(fd, small[0..len])) needed else eof;
    const big = malloc(len + 1) orelse return eof;
    defer free(big);
    _ = vsnprintf(big, len + 1, fmt, &again);
    return if (writeAll(fd, big[0..len])) needed else eof;
}

fn vfprintf(stream: *File, fmt: [*:0]const u8, ap: *VaList) callconv(.c) c_int {
    const fd = consoleFd(stream) orelse return libc(@TypeOf(vfprintf), "vfprintf")(stream, fmt, ap);
    return formatTo(fd, fmt, ap);
}

fn vprintf(fmt: [*:0]const u8, ap: *VaList) callconv(.c) c_int {
    return formatTo(1, fmt, ap);
}

fn printf(fmt: [*:0]const u8, ...) callconv(.c) c_int {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    return formatTo(1, fmt, &ap);
}

fn fprintf(stream: *File, fmt: [*:0]const u8, ...) callconv(.c) c_int {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    return vfprintf(stream, fmt, &ap);
}

// The checked forms glibc's headers call under _FORTIFY_SOURCE; the flag
// only asks for checks of `%n`, which the plain functions do not need.
fn printfChecked(_: c_int, fmt: [*:0]const u8, ...) callconv(.c) c_int {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    return formatTo(1, fmt, &ap);
}

fn fprintfChecked(stream: *File, _: c_int, fmt: [*:0]const u8, ...) callconv(.c) c_int {
    var ap = @cVaStart();
    defer @cVaEnd(&ap);
    return vfprintf(stream, fmt, &ap);
}

fn vprintfChecked(_: c_int, fmt: [*:0]const u8, ap: *VaList) callconv(.c) c_int {
    return formatTo(1, fmt, ap);
}

fn vfprintfChecked(stream: *File, _: c_int, fmt: [*:0]const u8, ap: *VaList) callconv(.c) c_int {
    return vfprintf(stream, fmt, ap);
}

fn fwrite(ptr: [*]const u8, size: usize, count: usize, stream: *File) callconv(.c) usize {
    const fd = consoleFd(stream) orelse return libc(@TypeOf(fwrite), "fwrite")(ptr, size, count, stream);
    const total = std.math.mul(usize, size, count) catch return 0;
    return if (total == 0 or writeAll(fd, ptr[0..total])) count else 0;
}

fn fputs(s: [*:0]const u8, stream: *File) callconv(.c) c_int {
    const fd = consoleFd(stream) orelse return libc(@TypeOf(fputs), "fputs")(s, stream);
    return if (writeAll(fd, std.mem.span(s))) 1 else eof;
}

fn puts(s: [*:0]const u8) callconv(.c) c_int {
    return if (writeAll(1, std.mem.span(s)) and writeAll(1, "\n")) 1 else eof;
}

fn fputc(c: c_int, stream: *File) callconv(.c) c_int {
    const fd = consoleFd(stream) orelse return libc(@TypeOf(fputc), "fputc")(c, stream);
    const byte: u8 = @truncate(@as(c_uint, @bitCast(c)));
    return if (writeAll(fd, &.{byte})) byte else eof;
}

fn putchar(c: c_int) callconv(.c) c_int {
    return fputc(c, stdout);
}

fn perror(s: ?[*:0]const u8) callconv(.c) void {
    const message = strerror(std.c._errno().*);
    if (s) |prefix| if (prefix[0] != 0) {
        _ = writeAll(2, std.mem.span(prefix));
        _ = writeAll(2, ": ");
    };
    _ = writeAll(2, std.mem.span(message));
    _ = writeAll(2, "\n");
}

comptime {
    const hidden: std.builtin.ExportOptions = .{ .name = "", .visibility = .hidden };
    const replaced = .{
        .{ "printf", &printf },             .{ "vprintf", &vprintf },
        .{ "fprintf", &fprintf },           .{ "vfprintf", &vfprintf },
        .{ "__printf_chk", &printfChecked }, .{ "__fprintf_chk", &fprintfChecked },
        .{ "__vprintf_chk", &vprintfChecked }, .{ "__vfprintf_chk", &vfprintfChecked },
        .{ "fwrite", &fwrite },             .{ "fputs", &fputs },
        .{ "puts", &puts },                 .{ "fputc", &fputc },
        .{ "putc", &fputc },                .{ "putchar", &putchar },
        .{ "perror", &perror },
    };
    for (replaced) |r| {
        var options = hidden;
        options.name = r[0];
        @export(r[1], options);
    }
}
