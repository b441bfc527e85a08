//! State that belongs to one Node environment (the main thread or one
//! worker), kept in N-API instance data: the argument arena that every call
//! on this environment uses, and the table of callable functions. Never a
//! process-wide static, because a module may be loaded in several workers.
use std::cell::{RefCell, UnsafeCell};
use std::ffi::c_void;
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Arc;

use napi::sys;

use crate::arena::{Arena, ARENA_SIZE};
use crate::callback::EnvCallbacks;
use crate::function_layout::{PointerLayout, SingleBuffer};
use crate::last_view::LastView;
use crate::lent_buffers::LentBuffers;
use crate::library::{Thunk, ZigLibrary};
use crate::no_external;
use crate::shadow::ShadowSet;

/// What the hot path needs to run one function: plain data, copied out of
/// the table before the thunk runs, so a call that re-enters and registers
/// more functions never invalidates it.
#[derive(Clone, Copy)]
pub struct CallTarget {
    pub thunk: Thunk,
    pub frame_size: usize,
    pub frame_align: usize,
    /// Run through `guard::call_guarded` (modules with runtime safety).
    pub guarded: bool,
    /// Its module was abandoned (`__zigar.abandon()`): calls throw instead.
    pub abandoned: bool,
}

pub struct EnvState {
    pub arena: Arc<Arena>,
    /// A strong reference to the JS ArrayBuffer the arena lives in, where
    /// external buffers are refused; null when the arena is its own memory.
    pub arena_buffer: sys::napi_ref,
    /// JS copies of Zig memory, where external buffers are refused.
    pub shadows: ShadowSet,
    /// The last buffer made over Zig memory, given again while it lives.
    pub last_view: LastView,
    /// The JS buffers that calls under way have handed to Zig.
    pub lent: LentBuffers,
    /// What runs the JS functions this environment bound to trampolines.
    pub callbacks: &'static EnvCallbacks,
    /// This environment's entry for the lookup cache (leaked, see LAST_ENTRY).
    cache_entry: *mut CacheEntry,
    /// Only touched on this environment's thread, and never borrowed across
    /// a thunk call (targets are copied out first), so no borrow flag is
    /// needed on the hot path.
    targets: UnsafeCell<Vec<CallTarget>>,
    /// Where each registered function's frame holds addresses, by the same id.
    layouts: RefCell<Vec<Arc<PointerLayout>>>,
    /// The fast shape of each function that has one (see `single_buffer`).
    single_buffers: RefCell<Vec<Option<SingleBuffer>>>,
    /// Keeps the code behind every registered thunk mapped.
    libraries: RefCell<Vec<Arc<ZigLibrary>>>,
}

impl EnvState {
    /// Registers a function and returns the id JS writes into the arena
    /// header to call it.
    pub fn register(&self, target: CallTarget, layout: PointerLayout, library: &Arc<ZigLibrary>) -> u32 {
        self.single_buffers.borrow_mut().push(SingleBuffer::of(&layout));
        self.layouts.borrow_mut().push(Arc::new(layout));
        let mut libraries = self.libraries.borrow_mut();
        if !libraries.iter().any(|l| Arc::ptr_eq(l, library)) {
            libraries.push(Arc::clone(library));
        }
        // SAFETY: see `targets`: no other reference to the vector is alive
        // while this runs (invoke copies a target out before calling Zig).
        let targets = unsafe { &mut *self.targets.get() };
        targets.push(target);
        (targets.len() - 1) as u32
    }

    /// Makes every later call of function `id` throw instead of running it.
    pub fn abandon(&self, id: u32) {
        // SAFETY: see `targets`: called from JS on this environment's thread,
        // never while a target reference is alive.
        if let Some(target) = unsafe { &mut *self.targets.get() }.get_mut(id as usize) {
            target.abandoned = true;
        }
    }

    /// Where function `id`'s frame holds addresses.
    pub fn layout(&self, id: u32) -> Option<Arc<PointerLayout>> {
        self.layouts.borrow().get(id as usize).cloned()
    }

    /// Function `id`'s fast shape, when it takes one plain buffer.
    #[inline]
    pub fn single_buffer(&self, id: u32) -> Option<SingleBuffer> {
        self.single_buffers.borrow().get(id as usize).copied().flatten()
    }

    #[inline]
    pub fn target(&self, id: u32) -> Option<CallTarget> {
        // SAFETY: see `targets`; the reference ends within this expression.
        unsafe { &*self.targets.get() }.get(id as usize).copied()
    }
}

/// This environment's state, created on first use.
pub fn env_state(env: sys::napi_env) -> napi::Result<&'static EnvState> {
    if let Some(state) = existing(env) {
        return Ok(state);
    }
    let (arena, arena_buffer) =
        if no_external::enabled(env) { js_arena(env)? } else { (Arena::new(), ptr::null_mut()) };
    let arena = Arc::new(arena);
    let cache_entry = Box::into_raw(Box::new(CacheEntry { env, state: ptr::null() }));
    let state = Box::into_raw(Box::new(EnvState {
        cache_entry,
        callbacks: EnvCallbacks::create(env, Arc::clone(&arena)),
        arena,
        arena_buffer,
        shadows: ShadowSet::default(),
        last_view: LastView::default(),
        lent: LentBuffers::default(),
        targets: UnsafeCell::new(Vec::new()),
        layouts: RefCell::new(Vec::new()),
        single_buffers: RefCell::new(Vec::new()),
        libraries: RefCell::new(Vec::new()),
    }));
    // SAFETY: `env` is live; the finalizer frees `state` exactly once, when
    // the environment is torn down, after which no callback can run in it.
    let status = unsafe { sys::napi_set_instance_data(env, state.cast(), Some(release), ptr::null_mut()) };
    if status != sys::Status::napi_ok {
        // SAFETY: not registered, so still exclusively ours.
        drop(unsafe { Box::from_raw(state) });
        return Err(napi::Error::from_reason("cannot attach zigport state to this environment"));
    }
    // SAFETY: the entry is not published yet, so nothing else reads it.
    unsafe { (*cache_entry).state = state };
    // SAFETY: just stored; lives until the environment's teardown.
    Ok(unsafe { &*state })
}

/// An arena inside a JS ArrayBuffer that the returned reference keeps alive
/// for the environment's lifetime.
fn js_arena(env: sys::napi_env) -> napi::Result<(Arena, sys::napi_ref)> {
    let mut data = ptr::null_mut();
    let mut buffer = ptr::null_mut();
    let mut reference = ptr::null_mut();
    // SAFETY: `env` is live in the current callback; a count of 1 makes the
    // reference strong, and it is never released: the environment's teardown
    // frees the buffer, after which no call can run in it.
    let made = unsafe {
        sys::napi_create_arraybuffer(env, ARENA_SIZE, &mut data, &mut buffer) == sys::Status::napi_ok
            && sys::napi_create_reference(env, buffer, 1, &mut reference) == sys::Status::napi_ok
    };
    let base = NonNull::new(data.cast::<u8>()).filter(|_| made);
    let base = base.ok_or_else(|| napi::Error::from_reason("cannot allocate the argument arena"))?;
    // SAFETY: V8 zero-fills the ARENA_SIZE bytes, and the strong reference
    // keeps them in place until the environment is torn down.
    Ok((unsafe { Arena::over_js_memory(base) }, reference))
}

/// An (environment, state) pair; immutable once published.
struct CacheEntry {
    env: sys::napi_env,
    state: *const EnvState,
}

/// The most recently looked-up environment's entry, or null. A cache, not
/// state: `napi_get_instance_data` costs a quarter of a whole call, so the
/// hot path first checks whether the caller's environment is this one. With
/// several environments calling at once it merely misses. An entry is
/// unpublished (`release`) before its state is freed, and environments that
/// are alive have distinct `napi_env` pointers, so a hit is always current.
/// Entries are small and never freed (one per environment ever created).
static LAST_ENTRY: AtomicPtr<CacheEntry> = AtomicPtr::new(ptr::null_mut());

/// This environment's state if it was created; cheap enough for every call.
#[inline]
pub fn existing(env: sys::napi_env) -> Option<&'static EnvState> {
    // SAFETY: published entries are leaked, so never dangle themselves.
    if let Some(entry) = unsafe { LAST_ENTRY.load(Ordering::Acquire).as_ref() } {
        if entry.env == env {
            // SAFETY: see LAST_ENTRY: a published entry's state is alive.
            return Some(unsafe { &*entry.state });
        }
    }
    let state = lookup(env)?;
    LAST_ENTRY.store(state.cache_entry, Ordering::Release);
    Some(state)
}

#[cold]
fn lookup(env: sys::napi_env) -> Option<&'static EnvState> {
    let mut data: *mut c_void = ptr::null_mut();
    // SAFETY: `env` is the live environment of the current callback.
    unsafe { sys::napi_get_instance_data(env, &mut data) };
    // SAFETY: only `env_state` sets this addon's instance data, always to a
    // leaked EnvState that lives until the environment's teardown. (Instance
    // data is per addon, so no other addon's data can appear here.)
    unsafe { data.cast::<EnvState>().as_ref() }
}

unsafe extern "C" fn release(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    // SAFETY: `data` is the EnvState leaked in `env_state`, still alive.
    let (entry, callbacks) = unsafe { ((*data.cast::<EnvState>()).cache_entry, (*data.cast::<EnvState>()).callbacks) };
    callbacks.close();
    // Unpublish before freeing, so no later call can reach the freed state.
    let _ = LAST_ENTRY.compare_exchange(entry, ptr::null_mut(), Ordering::AcqRel, Ordering::Acquire);
    // SAFETY: `data` is the Box leaked in `env_state`, released exactly once.
    drop(unsafe { Box::from_raw(data.cast::<EnvState>()) });
}
