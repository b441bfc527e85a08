//! Calls that survive a Zig panic or a stack overflow in Zig: the thunk runs
//! inside a C trampoline (`guard.c`) that the exporter's panic handler, or
//! the trampoline's SIGSEGV handler, jumps back to; the fault becomes an
//! `Err` that the caller throws as a JS exception.
use std::ffi::c_void;

use crate::library::Thunk;

const MESSAGE_CAPACITY: usize = 512;

/// What `zigport_guarded_call` returns (see guard.c).
const PANICKED: i32 = 1;
const STACK_OVERFLOW: i32 = 2;

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
    /// Handed to each module as what its threads run first.
    pub fn zigport_prepare_zig_thread();
    fn zigport_note_unguarded_module(code: *const c_void);
}

/// Tells the overflow handler about a module built without runtime safety,
/// opened on this thread: an overflow in its code (whose calls are not
/// guarded) then ends the process with a message instead of a bare SIGSEGV.
pub fn note_unguarded_module(code: *const c_void) {
    // SAFETY: the function only reads `code` through dladdr, which accepts
    // any address.
    unsafe { zigport_note_unguarded_module(code) }
}

/// Why a guarded call did not return.
#[derive(Debug)]
pub enum Fault {
    /// Zig panicked, with this message.
    Panic(String),
    /// Zig's own code ran out of stack.
    StackOverflow,
}

/// Runs `thunk` on `frame`; a panic inside it returns Zig's message, a
/// stack overflow in the module's code returns `Fault::StackOverflow`.
///
/// # Safety
/// `frame` must be a valid frame for `thunk`, as for a direct call.
pub unsafe fn call_guarded(thunk: Thunk, frame: *mut c_void) -> Result<(), Fault> {
    let mut message = [0u8; MESSAGE_CAPACITY];
    let mut length = 0usize;
    // SAFETY: `frame` is valid per the caller; `message` holds
    // MESSAGE_CAPACITY bytes and the trampoline writes at most that many.
    let outcome = unsafe { zigport_guarded_call(thunk, frame, message.as_mut_ptr(), MESSAGE_CAPACITY, &mut length) };
    match outcome {
        PANICKED => Err(Fault::Panic(String::from_utf8_lossy(&message[..length.min(MESSAGE_CAPACITY)]).into_owned())),
        STACK_OVERFLOW => Err(Fault::StackOverflow),
        _ => Ok(()),
    }
}
