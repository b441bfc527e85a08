//! Captures what Zig code writes to stdout/stderr on a JS thread, so the JS
//! half can print it through `console.log`, in order with JS's own output.
//!
//! Capture is per thread because each Node environment (main thread or
//! worker) runs on its own thread and prints through its own `console`.
//! Bytes written from a thread that is not capturing (a thread Zig spawned)
//! go to the real file descriptor instead.
use std::cell::{Cell, RefCell};
use std::ffi::c_int;

/// Signature of the console sink the exporter calls (`console.Sink` in
/// `js/zig/console.zig`).
pub type Sink = unsafe extern "C" fn(fd: c_int, bytes: *const u8, len: usize) -> bool;

thread_local! {
    static CAPTURED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Starts capturing on the calling thread (idempotent).
pub fn capture_this_thread() {
    CAPTURED.with(|c| {
        c.borrow_mut().get_or_insert_with(Vec::new);
    });
}

/// Whether captured output awaits [`take`]. Cheap: checked after every call.
#[inline]
pub fn has_pending() -> bool {
    PENDING.with(Cell::get)
}

/// Removes and returns what was captured on this thread.
pub fn take() -> Vec<u8> {
    PENDING.with(|p| p.set(false));
    CAPTURED.with(|c| c.borrow_mut().as_mut().map(std::mem::take).unwrap_or_default())
}

/// The sink handed to every module. Must not unwind: it is called from Zig.
pub unsafe extern "C" fn sink(_fd: c_int, bytes: *const u8, len: usize) -> bool {
    if bytes.is_null() {
        return len == 0;
    }
    // SAFETY: the exporter passes the buffer given to write(2): `len`
    // readable bytes that stay valid for the duration of this call.
    let data = unsafe { std::slice::from_raw_parts(bytes, len) };
    let captured = CAPTURED.try_with(|c| match c.try_borrow_mut() {
        Ok(mut slot) => slot.as_mut().map(|buf| buf.extend_from_slice(data)).is_some(),
        Err(_) => false,
    });
    let captured = captured.unwrap_or(false);
    if captured {
        PENDING.with(|p| p.set(true));
    }
    captured
}
