//! C code printing through stdio: to stdout, to stderr, and to a file.
const std = @import("std");

const File = anyopaque;
extern var stdout: *File;
extern var stderr: *File;
extern fn puts(s: [*c]const u8) c_int;
extern fn printf(fmt: [*c]const u8, ...) c_int;
extern fn fprintf(stream: *File, fmt: [*c]const u8, ...) c_int;
extern fn fwrite(bytes: *const anyopaque, size: usize, count: usize, stream: *File) usize;
extern fn fputs(s: [*c]const u8, stream: *File) c_int;
extern fn putchar(c: c_int) c_int;
extern fn fopen(path: [*c]const u8, mode: [*c]const u8) ?*File;
extern fn fclose(stream: *File) c_int;

pub fn putsLine(text: [*c]const u8) c_int {
    return puts(text);
}

pub fn printfNumbers(n: c_int, x: f64) c_int {
    return printf("n=%d x=%.3f hex=%x\n", n, x, @as(c_uint, @intCast(n)));
}

pub fn printfPartial() void {
    _ = printf("no newline from C");
}

pub fn toStderr(n: c_int) void {
    _ = fprintf(stderr, "C stderr %d\n", n);
}

pub fn fwriteAndPutchar() void {
    _ = fwrite("fwrite line\n", 1, 12, stdout);
    _ = fputs("fputs ", stdout);
    _ = putchar('!');
    _ = putchar('\n');
}

/// A line longer than any small formatting buffer.
pub fn printfLong(len: usize) c_int {
    return printf("%.*s|\n", @as(c_int, @intCast(len)), long_text[0..len].ptr);
}

var long_text: [8192]u8 = @splat('x');

/// Writes through stdio to the file at `path`, which must not reach the console.
pub fn printToFile(path: [*c]const u8, n: c_int) c_int {
    const file = fopen(path, "w") orelse return -1;
    _ = fprintf(file, "file line %d\n", n);
    _ = fputs("second\n", file);
    return fclose(file);
}
