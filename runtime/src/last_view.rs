//! The last ArrayBuffer an environment made over Zig memory, held weakly, so
//! that a function returning the same Zig memory call after call (a slice of
//! a global) gives back that buffer while it lives instead of a new one per
//! call. Node frees an external buffer's bookkeeping only in a task queued
//! after the buffer is collected: a loop that never yields and got a new
//! buffer from each of 10^6 calls grew the process by over 200 MiB, which
//! malloc kept after the tasks had run.
use std::cell::Cell;
use std::ptr;

use napi::sys;

#[derive(Clone, Copy)]
struct Entry {
    address: u64,
    len: u64,
    /// A weak reference (count 0) to the buffer.
    buffer: sys::napi_ref,
}

/// One environment's last view; only touched on that environment's thread.
#[derive(Default)]
pub struct LastView {
    entry: Cell<Option<Entry>>,
}

impl LastView {
    /// The buffer last made over `len` bytes at `address`, if it is still alive.
    pub fn get(&self, env: sys::napi_env, address: u64, len: u64) -> Option<sys::napi_value> {
        let entry = self.entry.get().filter(|e| e.address == address && e.len == len)?;
        let mut value = ptr::null_mut();
        // SAFETY: `env` is live in the current callback and `entry.buffer` is
        // a reference made in it by `remember`, not yet deleted; a collected
        // buffer gives null.
        let status = unsafe { sys::napi_get_reference_value(env, entry.buffer, &mut value) };
        (status == sys::Status::napi_ok && !value.is_null()).then_some(value)
    }

    /// Remembers `buffer` (just made over `len` bytes at `address`) in place
    /// of the last one, whose reference is deleted.
    pub fn remember(&self, env: sys::napi_env, address: u64, len: u64, buffer: sys::napi_value) {
        if let Some(old) = self.entry.take() {
            // SAFETY: made by this function in this environment, deleted once
            // (the entry was taken out).
            unsafe { sys::napi_delete_reference(env, old.buffer) };
        }
        let mut reference = ptr::null_mut();
        // SAFETY: `env` and `buffer` are live in the current callback; a
        // count of 0 makes the reference weak, so it keeps nothing alive.
        if unsafe { sys::napi_create_reference(env, buffer, 0, &mut reference) } == sys::Status::napi_ok {
            self.entry.set(Some(Entry { address, len, buffer: reference }));
        }
    }
}
