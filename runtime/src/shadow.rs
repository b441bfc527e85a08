//! Shadows: JS-owned copies of Zig memory, for engines that refuse
//! ArrayBuffers over foreign memory (see [`crate::no_external`]). Where the
//! runtime would hand JS a live view of Zig's bytes (a `pub var`, what a
//! returned pointer leads to), it hands out a copy and registers it here
//! with the Zig range it stands for. At every boundary between JS and Zig
//! the two are reconciled, so JS sees what it would have seen through a
//! live view at those points:
//! - before Zig runs (a call from JS, the return of a callback), what JS
//!   changed in a shadow is written to Zig ([`ShadowSet::to_zig`]);
//! - when JS runs again (a call returns, a callback starts), every shadow
//!   is refreshed from Zig ([`ShadowSet::from_zig`]).
//!
//! Each shadow keeps a baseline, its bytes as of the last reconciliation.
//! Only the bytes that differ from it go to Zig, so a shadow that JS did not
//! touch never overwrites what Zig (or another thread) wrote meanwhile.
//!
//! Aliasing: shadows of overlapping ranges (a variable, and a pointer into
//! it) are separate copies. At each boundary they agree again: the bytes JS
//! changed through any of them reach Zig, then all are refreshed from Zig;
//! should JS change the same byte through two of them, the later-made
//! shadow's byte wins. Between two boundaries a write through one shadow is
//! not seen through another (making a new shadow is a boundary too: pending
//! changes reach Zig first, so the new copy includes them).
//!
//! Shadows are weak: the registry holds a weak reference to each buffer and
//! forgets a shadow once its buffer was collected (or detached). Every call
//! reconciles every live shadow, so the cost grows with the Zig memory JS
//! holds views of; this mode trades that for working at all.
use std::cell::RefCell;
use std::ptr;

use napi::sys;

struct Shadow {
    /// The Zig memory this copy stands for.
    zig: *mut u8,
    len: usize,
    /// Weak: null once the copy's ArrayBuffer is collected.
    reference: sys::napi_ref,
    /// The copy's bytes as of the last reconciliation.
    baseline: Box<[u8]>,
}

/// One environment's shadows (napi references belong to an environment).
#[derive(Default)]
pub struct ShadowSet {
    entries: RefCell<Vec<Shadow>>,
}

impl ShadowSet {
    /// Whether there is nothing to reconcile: the per-call check.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.entries.borrow().is_empty()
    }

    /// A new ArrayBuffer holding a copy of the `len` (> 0) bytes of Zig
    /// memory at `zig`, registered as its shadow; null on failure.
    ///
    /// # Safety
    /// `len` bytes at `zig` are readable, and writable if JS may write them,
    /// for as long as the module stays loaded.
    pub unsafe fn create(&self, env: sys::napi_env, zig: *mut u8, len: usize) -> sys::napi_value {
        // Pending changes in overlapping shadows must be in the new copy.
        self.to_zig(env);
        let mut data = ptr::null_mut();
        let mut buffer = ptr::null_mut();
        // SAFETY: `env` is live in the current callback.
        if unsafe { sys::napi_create_arraybuffer(env, len, &mut data, &mut buffer) } != sys::Status::napi_ok {
            return ptr::null_mut();
        }
        let mut reference = ptr::null_mut();
        // SAFETY: as above; a count of 0 makes the reference weak.
        if unsafe { sys::napi_create_reference(env, buffer, 0, &mut reference) } != sys::Status::napi_ok {
            return ptr::null_mut();
        }
        let mut baseline = vec![0u8; len].into_boxed_slice();
        // SAFETY: per the caller, `len` bytes at `zig` are readable; the new
        // buffer and the baseline hold `len` bytes each.
        unsafe {
            ptr::copy(zig, baseline.as_mut_ptr(), len);
            ptr::copy_nonoverlapping(baseline.as_ptr(), data.cast::<u8>(), len);
        }
        self.entries.borrow_mut().push(Shadow { zig, len, reference, baseline });
        buffer
    }

    /// Writes to Zig the bytes JS changed in live shadows since the last
    /// reconciliation; forgets collected ones.
    pub fn to_zig(&self, env: sys::napi_env) {
        self.each_live(env, |shadow, copy| {
            let mut i = 0;
            while i < shadow.len {
                if copy[i] == shadow.baseline[i] {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < shadow.len && copy[i] != shadow.baseline[i] {
                    i += 1;
                }
                shadow.baseline[start..i].copy_from_slice(&copy[start..i]);
                // SAFETY: `start..i` lies inside the shadow's Zig range,
                // writable per `create`'s contract since JS wrote it.
                unsafe { ptr::copy(copy[start..i].as_ptr(), shadow.zig.add(start), i - start) };
            }
        });
    }

    /// Refreshes every live shadow (and its baseline) from Zig memory.
    pub fn from_zig(&self, env: sys::napi_env) {
        self.each_live(env, |shadow, copy| {
            // SAFETY: the shadow's Zig range is readable per `create`'s contract.
            unsafe { ptr::copy(shadow.zig, copy.as_mut_ptr(), shadow.len) };
            shadow.baseline.copy_from_slice(copy);
        });
    }

    /// The Zig address a live shadow whose bytes are at `data` stands for.
    pub fn zig_address(&self, env: sys::napi_env, data: *mut u8) -> Option<*mut u8> {
        let entries = self.entries.borrow();
        entries.iter().find(|s| copy_of(env, s).is_some_and(|(d, _)| d == data)).map(|s| s.zig)
    }

    /// Runs `f` on each live shadow with its copy's bytes, and drops the
    /// ones whose buffer is gone.
    fn each_live(&self, env: sys::napi_env, mut f: impl FnMut(&mut Shadow, &mut [u8])) {
        self.entries.borrow_mut().retain_mut(|shadow| {
            let Some((data, len)) = copy_of(env, shadow) else {
                // SAFETY: the reference was made in `create` and is deleted once.
                unsafe { sys::napi_delete_reference(env, shadow.reference) };
                return false;
            };
            // SAFETY: the buffer is alive (its reference resolved just now)
            // and JS does not run while the runtime holds this slice.
            let copy = unsafe { std::slice::from_raw_parts_mut(data, len) };
            f(shadow, copy);
            true
        });
    }
}

/// The data of a shadow's ArrayBuffer while it is alive and still holds
/// all its bytes (not detached).
fn copy_of(env: sys::napi_env, shadow: &Shadow) -> Option<(*mut u8, usize)> {
    let mut value = ptr::null_mut();
    let mut data = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: `env` is live in the current callback; the reference is ours.
    let alive = unsafe { sys::napi_get_reference_value(env, shadow.reference, &mut value) } == sys::Status::napi_ok
        && !value.is_null();
    // SAFETY: as above; `value` is a live ArrayBuffer.
    let ok = alive && unsafe { sys::napi_get_arraybuffer_info(env, value, &mut data, &mut len) } == sys::Status::napi_ok;
    (ok && !data.is_null() && len == shadow.len).then_some((data.cast(), len))
}
