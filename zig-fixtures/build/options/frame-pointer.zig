//! Reports a compiler flag, for zigArgs (`-fomit-frame-pointer`).
const builtin = @import("builtin");

/// Whether the module was compiled without frame pointers.
pub fn omitsFramePointer() bool {
    return builtin.omit_frame_pointer;
}
