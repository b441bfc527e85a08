//! A panic on the JS thread in a module built without runtime safety
//! (ReleaseFast, ReleaseSmall), whose calls run unguarded: nothing can
//! unwind to the call, so the process ends with the message.
pub fn explode(code: u32) u32 {
    if (code != 0) @panic("explode was asked to");
    return 1;
}
