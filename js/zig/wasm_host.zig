//! Exports of a WebAssembly module for the JS host (js/internal/wasm/).
//! Its functions are called through one dispatcher, its memory is managed
//! through the module's own allocator, and what a call allocated for its
//! result is listed for the host and then released.
const std = @import("std");
const builtin = @import("builtin");
const root = @import("root");
const call_memory = @import("call_memory.zig");
const wasm_direct = @import("wasm_direct.zig");

comptime {
    @setEvalBranchQuota(1_000_000);
    var index = 0;
    for (root.entries) |e| switch (e) {
        .function => |f| {
            const function = @field(f.container, f.name);
            if (wasm_direct.isDirect(@TypeOf(function))) {
                const name = std.fmt.comptimePrint("zigport_direct_{d}", .{index});
                @export(&wasm_direct.Direct(function).call, .{ .name = name });
            }
            index += 1;
        },
        else => {},
    };
}

// With wasi-libc, what C prints must reach the host as it is printed, as in
// native mode (c_stdio.zig): a line left in stdio's buffer would surface
// only with a later one. The host calls this once, after `_initialize`.
comptime {
    if (@import("builtin").link_libc) @export(&unbufferStdio, .{ .name = "zigport_unbuffer_stdio" });
}

extern "c" var stdout: *anyopaque;
extern "c" var stderr: *anyopaque;
extern "c" fn setvbuf(stream: *anyopaque, buf: ?[*]u8, mode: c_int, size: usize) c_int;

fn unbufferStdio() callconv(.c) void {
    const unbuffered = 2; // _IONBF in wasi-libc's stdio.h
    _ = setvbuf(stdout, null, unbuffered, 0);
    _ = setvbuf(stderr, null, unbuffered, 0);
}

/// Runs function `index` on the frame at `frame`; an index the module does
/// not have traps rather than running anything.
export fn zigport_call(index: u32, frame: *anyopaque) void {
    if (index >= root.thunks.len) @trap();
    root.thunks[index](frame);
}

/// `len` bytes at alignment `1 << log2_align` for the host (frames, scratch
/// copies), or 0 when memory cannot grow.
export fn zigport_alloc(len: u32, log2_align: u32) u32 {
    if (@as(u64, len) + @sizeOf(usize) > largest_block) return 0;
    const alignment = alignmentOf(log2_align);
    const memory = std.heap.wasm_allocator.rawAlloc(@max(len, 1), alignment, @returnAddress()) orelse return 0;
    return @intFromPtr(memory);
}

/// The largest block (with the allocator's length word) the wasm allocator
/// can place. Before 0.17 its table of big size classes is one short: a block
/// over 1 GiB indexes past it and panics ("index out of bounds") instead of
/// failing, so such a request is refused here, as memory that cannot grow.
const largest_block: u64 = if (builtin.zig_version.order(.{ .major = 0, .minor = 17, .patch = 0 }) == .lt)
    1 << 30
else
    std.math.maxInt(u32);

/// Frees what `zigport_alloc` returned, with the same length and alignment.
export fn zigport_free(address: u32, len: u32, log2_align: u32) void {
    const memory: [*]u8 = @ptrFromInt(address);
    const alignment = alignmentOf(log2_align);
    std.heap.wasm_allocator.rawFree(memory[0..@max(len, 1)], alignment, @returnAddress());
}

fn alignmentOf(log2_align: u32) std.mem.Alignment {
    return .fromByteUnits(@as(usize, 1) << @intCast(@min(log2_align, 16)));
}

/// The allocations the last call made through its allocator parameter, as
/// `{ address, len, log2_align }` triples; `count` receives how many.
export fn zigport_call_memory(count: *u32) [*]const call_memory.Allocation {
    const list = call_memory.current();
    count.* = @intCast(list.len);
    return list.ptr;
}

/// Keeps allocation `index` of the last call's list (see call_memory.keep);
/// the host frees it with `zigport_free` later.
export fn zigport_keep_call_memory(index: u32) void {
    call_memory.keep(index);
}

/// Frees everything the last call allocated for its result.
export fn zigport_release_call_memory() void {
    call_memory.release();
}
