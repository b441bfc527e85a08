//! `i0`, the signed zero-bit integer: only 0, in no bytes at all. Zig 0.17
//! no longer has the type, so this module compiles with 0.15 and 0.16 only.
pub fn echoI0(x: i0) i0 {
    return x;
}
