//! The JS buffers that calls under way have handed to Zig.
//!
//! N-API cannot stop JS from detaching an ArrayBuffer (transferring it to a
//! worker or with `ArrayBuffer.prototype.transfer`). A JS function that Zig
//! calls back may do that to a buffer whose memory Zig is still using in
//! place (or which a copied call will copy back into); once the buffer's new
//! owner is collected, Zig's pointers dangle. So each call records what it
//! lent, and when a JS function Zig called returns, the lent buffers are
//! checked before Zig resumes. A detached one ends the process with an
//! explanation: Zig cannot be stopped or told, and going on would let it
//! write into freed memory.
use std::cell::RefCell;
use std::io::Write;

use napi::sys;

/// Status a process ends with when Zig cannot safely go on (as guard.c's).
const FAULT_STATUS: i32 = 70;

/// The buffers lent by the calls from JS now running, innermost last.
#[derive(Default)]
pub struct LentBuffers {
    values: RefCell<Vec<sys::napi_value>>,
}

/// Buffers lent for one call; they are taken back when it is dropped.
pub struct Lending<'a> {
    owner: &'a LentBuffers,
    mark: usize,
}

impl LentBuffers {
    /// Records `values` (ArrayBuffers, handles of the calling N-API
    /// callback) as lent until the returned guard is dropped.
    pub fn lend(&self, values: impl IntoIterator<Item = sys::napi_value>) -> Lending<'_> {
        let mut lent = self.values.borrow_mut();
        let mark = lent.len();
        lent.extend(values);
        Lending { owner: self, mark }
    }

    /// Ends the process if JS detached any lent buffer; called on the JS
    /// thread when a JS function that Zig called has returned.
    pub fn ensure_attached(&self, env: sys::napi_env) {
        let detached = self.values.borrow().iter().any(|&value| is_detached(env, value));
        if detached {
            stop_process();
        }
    }
}

impl Drop for Lending<'_> {
    fn drop(&mut self) {
        self.owner.values.borrow_mut().truncate(self.mark);
    }
}

fn is_detached(env: sys::napi_env, value: sys::napi_value) -> bool {
    let mut detached = false;
    // SAFETY: `value` is a handle of an N-API callback still under way on
    // this thread (its `Lending` has not been dropped), so it is live.
    let status = unsafe { sys::napi_is_detached_arraybuffer(env, value, &mut detached) };
    status == sys::Status::napi_ok && detached
}

#[cold]
fn stop_process() -> ! {
    let _ = writeln!(
        std::io::stderr(),
        "zigport: a JS function called from Zig detached an ArrayBuffer that the Zig call under way was \
         still using (transferred it, or called transfer() on it). Zig's pointers into that memory would \
         dangle, so the process ends with status {FAULT_STATUS}. Transfer a copy (buffer.slice()) instead, \
         or transfer the buffer after the call has returned."
    );
    // SAFETY: `_exit` ends the process at once. Exit handlers are skipped on
    // purpose: they would run JS and native teardown over Zig's frames.
    unsafe { libc::_exit(FAULT_STATUS) }
}
