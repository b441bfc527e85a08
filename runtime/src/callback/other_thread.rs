//! A bound JS function called from a thread other than its environment's JS
//! thread. The call is queued on the environment's threadsafe function with
//! a copy of the frame; the JS thread runs it when its event loop gets to
//! it. A call that returns a value (or passes pointers into the caller's
//! memory) waits until then; a `void` one returns at once. A waiting call
//! fails with [`Status::Deadlock`] when the JS thread has sat inside one
//! Zig call for [`DEADLOCK_AFTER`] without running anything: it is then
//! most likely waiting for this very thread, and would never get to the call.
use std::alloc::{self, Layout};
use std::collections::VecDeque;
use std::ffi::c_void;
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use napi::sys;

use super::js_thread::{self, Call};
use super::{EnvCallbacks, Status};

/// How long the JS thread may stay in one Zig call, idle, before a waiting
/// call from another thread gives up.
const DEADLOCK_AFTER: Duration = Duration::from_millis(1000);
const POLL: Duration = Duration::from_millis(20);

/// A call waiting in the queue, shared by the calling thread and the JS thread.
pub(super) struct Pending {
    owner: &'static EnvCallbacks,
    call: Call,
    /// Written by the JS thread before it settles the call, read by the
    /// calling thread after: the mutex orders the two.
    frame: FrameCopy,
    state: Mutex<Option<Status>>,
    settled: Condvar,
    /// The caller stopped waiting: the JS thread skips the call.
    abandoned: AtomicBool,
}

/// A heap copy of a frame, at the frame's alignment.
struct FrameCopy {
    bytes: NonNull<u8>,
    layout: Layout,
}

// SAFETY: the copy is plain bytes owned by this value; see `Pending::frame`
// for how the two threads take turns with it.
unsafe impl Send for FrameCopy {}
// SAFETY: as above.
unsafe impl Sync for FrameCopy {}

impl FrameCopy {
    /// # Safety
    /// `frame` holds `size` readable bytes, or is null for an empty copy.
    unsafe fn of(frame: *const u8, size: usize, align: usize) -> Option<Self> {
        let layout = Layout::from_size_align(size.max(1), align).ok()?;
        // SAFETY: the layout has a non-zero size.
        let bytes = NonNull::new(unsafe { alloc::alloc(layout) })?;
        if !frame.is_null() {
            // SAFETY: both ranges hold `size` bytes; the allocation is new.
            unsafe { ptr::copy_nonoverlapping(frame, bytes.as_ptr(), size) };
        }
        Some(Self { bytes, layout })
    }
}

impl Drop for FrameCopy {
    fn drop(&mut self) {
        // SAFETY: allocated in `of` with this layout.
        unsafe { alloc::dealloc(self.bytes.as_ptr(), self.layout) }
    }
}

/// Creates `owner`'s threadsafe function (JS thread), not keeping the
/// process alive by itself (see `EnvCallbacks::keep_alive`).
pub(super) fn create_tsfn(owner: &'static EnvCallbacks) -> napi::Result<sys::napi_threadsafe_function> {
    let env = owner.env;
    let mut name = ptr::null_mut();
    let mut tsfn = ptr::null_mut();
    let label = "zigport callback";
    // SAFETY: on the JS thread of `env`; `owner` is leaked, so the context
    // outlives the threadsafe function.
    let ok = unsafe {
        sys::napi_create_string_utf8(env, label.as_ptr().cast(), label.len() as isize, &mut name)
            == sys::Status::napi_ok
            && sys::napi_create_threadsafe_function(
                env,
                ptr::null_mut(),
                ptr::null_mut(),
                name,
                0,
                1,
                ptr::null_mut(),
                None,
                ptr::from_ref(owner).cast_mut().cast(),
                Some(call_js),
                &mut tsfn,
            ) == sys::Status::napi_ok
            && sys::napi_unref_threadsafe_function(env, tsfn) == sys::Status::napi_ok
    };
    if !ok {
        return Err(napi::Error::from_reason("cannot create the threadsafe function for callbacks"));
    }
    Ok(tsfn)
}

/// Queues `call` for `owner`'s JS thread and, when `waits`, waits for it.
///
/// # Safety
/// `frame` holds `call.frame_size` bytes, valid for the whole call.
pub(super) unsafe fn run(owner: &'static EnvCallbacks, call: Call, waits: bool, frame: *mut u8) -> Status {
    let tsfn = owner.tsfn.load(Ordering::Acquire);
    if tsfn.is_null() {
        return Status::Closed;
    }
    // SAFETY: per the caller.
    let Some(copy) = (unsafe { FrameCopy::of(frame, call.frame_size, call.frame_align) }) else {
        return Status::Failed;
    };
    let pending = Arc::new(Pending {
        owner,
        call,
        frame: copy,
        state: Mutex::new(None),
        settled: Condvar::new(),
        abandoned: AtomicBool::new(false),
    });
    // Only a call finding the queue empty wakes the JS thread, which then
    // runs every call queued until it finds the queue empty again.
    if owner.queue.push(Arc::clone(&pending)) {
        // SAFETY: `tsfn` is live until `close`, after which the call fails
        // with napi_closing (and `wait` sees the environment closed).
        let woken = unsafe {
            sys::napi_call_threadsafe_function(tsfn, ptr::null_mut(), sys::ThreadsafeFunctionCallMode::blocking)
        };
        if woken != sys::Status::napi_ok {
            return Status::Closed;
        }
    }
    if !waits {
        return Status::Done;
    }
    let status = wait(&pending);
    if status == Status::Done {
        // SAFETY: the copy holds `frame_size` bytes, which the JS thread
        // finished writing before it settled the call.
        unsafe { ptr::copy_nonoverlapping(pending.frame.bytes.as_ptr(), frame, call.frame_size) };
    }
    status
}

/// Waits until the JS thread settled `pending`, the environment closed, or
/// the JS thread looks stuck in Zig.
fn wait(pending: &Pending) -> Status {
    let mut state = pending.state.lock().unwrap_or_else(|e| e.into_inner());
    let (mut last, mut idle) = (pending.owner.activity(), Duration::ZERO);
    loop {
        if let Some(status) = *state {
            return status;
        }
        if pending.owner.is_closed() {
            pending.abandoned.store(true, Ordering::Release);
            return Status::Closed;
        }
        let now = pending.owner.activity();
        if now.0 && now == last {
            idle += POLL;
            if idle >= DEADLOCK_AFTER {
                pending.abandoned.store(true, Ordering::Release);
                // The calling thread gets an error (or zeros) it may not pass
                // on to JS: say why where a user will look.
                eprintln!(
                    "zigport: a Zig thread's call of a JS function gave up after {} ms: the JS thread has been \
                     waiting in one Zig call all that time (for this thread?), so it could not run the function",
                    DEADLOCK_AFTER.as_millis()
                );
                return Status::Deadlock;
            }
        } else {
            (last, idle) = (now, Duration::ZERO);
        }
        state = pending.settled.wait_timeout(state, POLL).unwrap_or_else(|e| e.into_inner()).0;
    }
}

/// Runs, on the JS thread, every call queued for `context` (its
/// environment's callbacks) until the queue is empty; with a null `env`, the
/// threadsafe function is going away and the calls fail instead.
unsafe extern "C" fn call_js(env: sys::napi_env, _function: sys::napi_value, context: *mut c_void, _data: *mut c_void) {
    // SAFETY: the context is the leaked EnvCallbacks given at creation.
    let owner = unsafe { &*context.cast::<EnvCallbacks>() };
    while let Some(pending) = owner.queue.pop() {
        // Not under the lock: the function may take long, or call into Zig.
        let status = if env.is_null() || owner.is_closed() {
            Status::Closed
        } else if pending.abandoned.load(Ordering::Acquire) {
            Status::Failed
        } else {
            // SAFETY: this is the owner's JS thread (Node runs call_js
            // there); the copy holds the frame's bytes and only this thread writes it.
            unsafe { js_thread::run(owner, &pending.call, pending.frame.bytes.as_ptr()) }
        };
        *pending.state.lock().unwrap_or_else(|e| e.into_inner()) = Some(status);
        pending.settled.notify_all();
    }
}

/// The calls from other threads waiting for one environment's JS thread.
#[derive(Default)]
pub(super) struct CallQueue(Mutex<VecDeque<Arc<Pending>>>);

impl CallQueue {
    /// Queues `pending`; true when the queue was empty (nobody woke the JS thread yet).
    fn push(&self, pending: Arc<Pending>) -> bool {
        let mut queue = self.0.lock().unwrap_or_else(|e| e.into_inner());
        queue.push_back(pending);
        queue.len() == 1
    }

    fn pop(&self) -> Option<Arc<Pending>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).pop_front()
    }
}
