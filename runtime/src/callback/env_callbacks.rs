//! What one environment needs to run the JS functions it bound: its JS
//! thread, the dispatcher (the JS function that runs a bound function on a
//! frame in the arena), the threadsafe function that brings calls from other
//! threads, and whether its JS thread is inside Zig right now. Created with
//! the environment's state and leaked: trampolines on other threads may
//! reach it after the environment is gone, and then find it closed.
use std::cell::Cell;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, ThreadId};

use napi::sys;

use crate::arena::Arena;

thread_local! {
    /// The environment whose JS thread this is.
    static THIS_THREAD: Cell<Option<&'static EnvCallbacks>> = const { Cell::new(None) };
}

/// One step of the progress count in the high half of `activity`.
const PROGRESS_STEP: u64 = 1 << 32;

pub struct EnvCallbacks {
    pub(super) env: sys::napi_env,
    thread: ThreadId,
    pub(super) arena: Arc<Arena>,
    /// A reference to the dispatcher, once JS installed one.
    pub(super) dispatcher: AtomicPtr<sys::napi_ref__>,
    pub(super) tsfn: AtomicPtr<sys::napi_threadsafe_function__>,
    closed: AtomicBool,
    /// Two counts in one word, so that a call into Zig updates both with one
    /// load and one store (it is on every call's path). Low half: how many
    /// calls from JS into Zig are under way on the JS thread. High half:
    /// bumped whenever the JS thread starts a call into Zig or runs a bound
    /// function, so unchanged while it sits in one Zig call doing neither.
    /// Written by the JS thread only.
    activity: AtomicU64,
    /// Calls from other threads waiting for this JS thread.
    pub(super) queue: super::other_thread::CallQueue,
    /// Reasons to keep the process alive for calls from other threads (JS thread only).
    keepers: AtomicU32,
    /// Where the next callback frame may go in the arena (JS thread only).
    pub(super) frame_floor: AtomicUsize,
}

// SAFETY: `env` and the N-API handles are only used on the JS thread (checked
// through `thread`) or through the threadsafe-function API, which is callable
// from any thread; everything else is atomic or immutable.
unsafe impl Send for EnvCallbacks {}
// SAFETY: as above.
unsafe impl Sync for EnvCallbacks {}

impl EnvCallbacks {
    /// The callbacks of environment `env`, whose JS thread is this one.
    pub fn create(env: sys::napi_env, arena: Arc<Arena>) -> &'static Self {
        let created = Box::leak(Box::new(Self {
            env,
            thread: thread::current().id(),
            arena,
            dispatcher: AtomicPtr::new(ptr::null_mut()),
            tsfn: AtomicPtr::new(ptr::null_mut()),
            closed: AtomicBool::new(false),
            activity: AtomicU64::new(0),
            frame_floor: AtomicUsize::new(0),
            keepers: AtomicU32::new(0),
            queue: Default::default(),
        }));
        THIS_THREAD.set(Some(created));
        created
    }

    /// The callbacks of the environment whose JS thread this is, if any.
    pub fn of_this_thread() -> Option<&'static Self> {
        THIS_THREAD.get().filter(|owner| !owner.is_closed())
    }

    pub fn is_js_thread(&self) -> bool {
        // Every callback asks; `thread::current()` would clone the thread's
        // handle (two atomic operations) each time, a thread-local does not.
        thread_local! {
            static THIS_THREAD: ThreadId = thread::current().id();
        }
        THIS_THREAD.with(|id| *id == self.thread)
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// The JS thread enters Zig. Plain loads and stores: only it writes.
    #[inline]
    pub fn enter_zig(&self) {
        let word = self.activity.load(Ordering::Relaxed);
        self.activity.store(word.wrapping_add(PROGRESS_STEP + 1), Ordering::Relaxed);
    }

    #[inline]
    pub fn leave_zig(&self) {
        let word = self.activity.load(Ordering::Relaxed);
        if word as u32 != 0 {
            self.activity.store(word - 1, Ordering::Relaxed);
        }
    }

    /// The JS thread runs a bound function.
    pub(super) fn note_progress(&self) {
        let word = self.activity.load(Ordering::Relaxed);
        self.activity.store(word.wrapping_add(PROGRESS_STEP), Ordering::Relaxed);
    }

    /// Whether the JS thread is inside Zig, and its progress count.
    pub(super) fn activity(&self) -> (bool, u32) {
        let word = self.activity.load(Ordering::Relaxed);
        (word as u32 > 0, (word >> 32) as u32)
    }

    /// Installs the dispatcher and the threadsafe function (JS thread only).
    pub fn install(&'static self, dispatcher: sys::napi_value) -> napi::Result<()> {
        if !self.dispatcher.load(Ordering::Acquire).is_null() {
            return Ok(());
        }
        let mut reference = ptr::null_mut();
        // SAFETY: on the JS thread of `env`, with a live value.
        let status = unsafe { sys::napi_create_reference(self.env, dispatcher, 1, &mut reference) };
        if status != sys::Status::napi_ok {
            return Err(napi::Error::from_reason("cannot keep the callback dispatcher"));
        }
        let tsfn = super::other_thread::create_tsfn(self)?;
        if self.keepers.load(Ordering::Relaxed) > 0 {
            // SAFETY: on the JS thread of `env`, with the tsfn just made.
            unsafe { sys::napi_ref_threadsafe_function(self.env, tsfn) };
        }
        self.tsfn.store(tsfn, Ordering::Release);
        self.dispatcher.store(reference, Ordering::Release);
        Ok(())
    }

    /// Counts one more (`on`) or one fewer reason for calls from other
    /// threads to keep the process alive: `zigar.thread.use()` until `end()`,
    /// a promise or generator waiting for Zig. JS thread only.
    pub fn keep_alive(&self, on: bool) {
        let before = self.keepers.load(Ordering::Relaxed);
        let after = if on { before + 1 } else { before.saturating_sub(1) };
        self.keepers.store(after, Ordering::Relaxed);
        let tsfn = self.tsfn.load(Ordering::Acquire);
        if tsfn.is_null() || (before == 0) == (after == 0) {
            return;
        }
        // SAFETY: on the JS thread of `env`, with this environment's live tsfn.
        unsafe {
            if after > 0 {
                sys::napi_ref_threadsafe_function(self.env, tsfn);
            } else {
                sys::napi_unref_threadsafe_function(self.env, tsfn);
            }
        }
    }

    /// The environment is being torn down: calls waiting or to come fail.
    pub fn close(&self) {
        self.closed.store(true, Ordering::Release);
        let tsfn = self.tsfn.swap(ptr::null_mut(), Ordering::AcqRel);
        if !tsfn.is_null() {
            // SAFETY: released once; queued calls are finalized by Node.
            unsafe { sys::napi_release_threadsafe_function(tsfn, sys::ThreadsafeFunctionReleaseMode::abort) };
        }
    }
}
