//! Reports the optimize mode and target it was built for, so a test can tell which build an import selected.
const builtin = @import("builtin");

/// How many times `add` ran in this build of the module.
pub var calls: u32 = 0;

pub fn add(a: i32, b: i32) i32 {
    calls += 1;
    return a + b;
}

/// `@intFromEnum(std.builtin.OptimizeMode)`: Debug 0, ReleaseSafe 1, ReleaseFast 2, ReleaseSmall 3.
pub fn optimizeMode() u8 {
    return @intFromEnum(builtin.mode);
}

/// Whether this build is WebAssembly, so a test can tell which target an import selected.
pub fn isWasm() bool {
    return builtin.target.cpu.arch.isWasm();
}
