//! Calls that survive a Zig panic: the thunk runs inside a C trampoline
//! (`guard.c`) that the exporter's panic handler jumps back to, and the
//! panic becomes an `Err` carrying Zig's message.
use std::ffi::c_void;

use crate::library::Thunk;

const MESSAGE_CAPACITY: usize = 512;

unsafe extern "C" {
    fn zigport_guarded_call(
        thunk: Thunk,
        frame: *mut c_void,
        message: *mut u8,
        capacity: usize,
        length: *mut usize,
    ) -> i32;
    /// Handed to each module as its panic escape.
    pub fn zigport_panic_escape(message: *const u8, len: usize);
}

/// Runs `thunk` on `frame`; a panic inside it returns Zig's message.
///
/// # Safety
/// `frame` must be a valid frame for `thunk`, as for a direct call.
pub unsafe fn call_guarded(thunk: Thunk, frame: *mut c_void) -> Result<(), String> {
    let mut message = [0u8; MESSAGE_CAPACITY];
    let mut length = 0usize;
    // SAFETY: `frame` is valid per the caller; `message` holds
    // MESSAGE_CAPACITY bytes and the trampoline writes at most that many.
    let panicked = unsafe { zigport_guarded_call(thunk, frame, message.as_mut_ptr(), MESSAGE_CAPACITY, &mut length) };
    if panicked == 0 {
        return Ok(());
    }
    Err(String::from_utf8_lossy(&message[..length.min(MESSAGE_CAPACITY)]).into_owned())
}
