//! `std.process.exit` called on a thread the module spawned, while the JS
//! thread waits in a call. Native only: WebAssembly modules are built
//! single-threaded.
const std = @import("std");

/// Prints a line, then ends the process with `status` from a thread of its
/// own: the line is still held for JS's console when the process ends.
pub fn printThenExitOnThread(status: u8) !void {
    std.debug.print("printed on the JS thread\n", .{});
    const thread = try std.Thread.spawn(.{}, exitFromThread, .{status});
    thread.join();
}

fn exitFromThread(status: u8) void {
    std.process.exit(status);
}
