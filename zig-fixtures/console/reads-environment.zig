//! Prints the environment variable a test names, as Zig code sees it: through
//! WASI's environ calls in WebAssembly, through libc's getenv natively.
const std = @import("std");
const builtin = @import("builtin");
const stdout = @import("portable-stdout.zig");

pub fn printVariable(name: []const u8) void {
    const value = if (builtin.os.tag == .wasi) wasiVariable(name) else libcVariable(name);
    if (value) |v| {
        var buffer: [256]u8 = undefined;
        stdout.writeAll(std.fmt.bufPrint(&buffer, "{s}={s}\n", .{ name, v }) catch return);
    } else {
        stdout.print("{s} is unset\n", .{name});
    }
}

pub fn variableCount() usize {
    if (builtin.os.tag != .wasi) return 0;
    var count: usize = 0;
    var size: usize = 0;
    _ = std.os.wasi.environ_sizes_get(&count, &size);
    return count;
}

var wasi_buffer: [4096]u8 = undefined;
var wasi_pointers: [64][*:0]u8 = undefined;

fn wasiVariable(name: []const u8) ?[]const u8 {
    var count: usize = 0;
    var size: usize = 0;
    _ = std.os.wasi.environ_sizes_get(&count, &size);
    if (count > wasi_pointers.len or size > wasi_buffer.len) return null;
    _ = std.os.wasi.environ_get(&wasi_pointers, &wasi_buffer);
    for (wasi_pointers[0..count]) |entry| {
        const text = std.mem.sliceTo(entry, 0);
        if (text.len > name.len and std.mem.startsWith(u8, text, name) and text[name.len] == '=') {
            return text[name.len + 1 ..];
        }
    }
    return null;
}

fn libcVariable(name: []const u8) ?[]const u8 {
    var buffer: [128]u8 = undefined;
    if (name.len >= buffer.len) return null;
    @memcpy(buffer[0..name.len], name);
    buffer[name.len] = 0;
    const value = std.c.getenv(buffer[0..name.len :0]) orelse return null;
    return std.mem.sliceTo(value, 0);
}
