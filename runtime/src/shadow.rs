//! Shadows: JS-owned copies of Zig memory, for engines that refuse
//! ArrayBuffers over foreign memory (see [`crate::no_external`]). Where the
//! runtime would hand JS a live view of Zig's bytes (a `pub var`, what a
//! returned pointer leads to), it hands out a copy and registers it here
//! with the Zig range it stands for. At every boundary between JS and Zig
//! the two are reconciled, so JS sees what it would have seen through a
//! live view at those points:
//! - before Zig runs (a call from JS, the return of a callback), what JS
//!   changed in a shadow is written to Zig ([`ShadowSet::push_to_zig`]);
//! - when JS runs again (a call returns, a callback starts), every shadow
//!   is refreshed from Zig ([`ShadowSet::refresh_from_zig`]).
//!
//! Each shadow keeps a baseline, its bytes as of the last reconciliation.
//! Only the bytes that differ from it go to Zig, so a shadow that JS did not
//! touch never overwrites what Zig (or another thread) wrote meanwhile.
//!
//! Aliasing: memory that lies wholly inside a live shadow (a pointer into a
//! variable JS already holds) is shown through that shadow, at an offset,
//! so the two views alias exactly as live views would. Only ranges that
//! overlap without one containing the other (or a range that contains an
//! older, smaller shadow) get separate copies. At each boundary those agree
//! again: the bytes JS changed through any of them reach Zig, then all are
//! refreshed from Zig; should JS change the same byte through two of them,
//! the later-made shadow's byte wins. Between two boundaries a write through
//! one such copy is not seen through the other (making a new shadow is a
//! boundary too: pending changes reach Zig first, so the copy includes them).
//!
//! Zig may free memory a shadow stands for (a slice JS passed back to a
//! function that frees it). The runtime reads and writes Zig's side through
//! the kernel (`process_vm_readv`/`writev` on this process), which reports
//! unmapped memory instead of faulting; a shadow whose memory is gone is
//! forgotten, and JS keeps its last copy. (Freed memory that stays mapped
//! reads as whatever it now holds, as a live view over it would.)
//!
//! Shadows are weak: the registry holds a weak reference to each buffer and
//! forgets a shadow once its buffer was collected (or detached). Every call
//! reconciles every live shadow, so the cost grows with the Zig memory JS
//! holds views of; this mode trades that for working at all.
use std::cell::{Cell, RefCell};
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
    /// `entries.len()`, readable without a borrow on every call.
    count: Cell<usize>,
}

impl ShadowSet {
    /// Whether there is nothing to reconcile: the per-call check.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.count.get() == 0
    }

    /// A new ArrayBuffer holding a copy of the `len` (> 0) bytes of Zig
    /// memory at `zig`, registered as its shadow; null on failure.
    ///
    /// # Safety
    /// `len` bytes at `zig` are Zig memory that JS may view (Zig returned or
    /// exported it), writable if JS may write them.
    pub unsafe fn create(&self, env: sys::napi_env, zig: *mut u8, len: usize) -> sys::napi_value {
        // Pending changes in overlapping shadows must be in the new copy.
        self.push_to_zig(env);
        let mut baseline = vec![0u8; len].into_boxed_slice();
        if !read_zig(zig, &mut baseline) {
            return ptr::null_mut();
        }
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
        // SAFETY: the new buffer and the baseline hold `len` bytes each.
        unsafe { ptr::copy_nonoverlapping(baseline.as_ptr(), data.cast::<u8>(), len) };
        let mut entries = self.entries.borrow_mut();
        entries.push(Shadow { zig, len, reference, baseline });
        self.count.set(entries.len());
        buffer
    }

    /// Writes to Zig the bytes JS changed in live shadows since the last
    /// reconciliation; forgets collected ones.
    pub fn push_to_zig(&self, env: sys::napi_env) {
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
                // `start..i` lies inside the shadow's Zig range.
                if !write_zig(shadow.zig.wrapping_add(start), &copy[start..i]) {
                    return false;
                }
            }
            true
        });
    }

    /// Refreshes every live shadow (and its baseline) from Zig memory.
    pub fn refresh_from_zig(&self, env: sys::napi_env) {
        self.each_live(env, |shadow, copy| {
            let read = read_zig(shadow.zig, copy);
            shadow.baseline.copy_from_slice(copy);
            read
        });
    }

    /// A live shadow holding all `len` bytes of Zig memory at `zig`, and
    /// their offset in it: JS views them there, aliasing that shadow's other
    /// views, rather than through a copy of their own.
    pub fn containing(&self, env: sys::napi_env, zig: *mut u8, len: usize) -> Option<(sys::napi_value, usize)> {
        let (start, end) = (zig as usize, (zig as usize).checked_add(len)?);
        let entries = self.entries.borrow();
        entries.iter().find_map(|s| {
            let base = s.zig as usize;
            let inside = base <= start && end <= base + s.len;
            inside.then(|| buffer_of(env, s)).flatten().map(|buffer| (buffer, start - base))
        })
    }

    /// The Zig address a live shadow whose bytes are at `data` stands for.
    pub fn zig_address(&self, env: sys::napi_env, data: *mut u8) -> Option<*mut u8> {
        let entries = self.entries.borrow();
        entries.iter().find(|s| copy_of(env, s).is_some_and(|(d, _)| d == data)).map(|s| s.zig)
    }

    /// Runs `f` on each live shadow with its copy's bytes, and drops the
    /// ones whose buffer is gone or for which `f` says the Zig side is.
    fn each_live(&self, env: sys::napi_env, mut f: impl FnMut(&mut Shadow, &mut [u8]) -> bool) {
        let mut entries = self.entries.borrow_mut();
        entries.retain_mut(|shadow| {
            let Some((data, len)) = copy_of(env, shadow) else {
                // SAFETY: the reference was made in `create` and is deleted once.
                unsafe { sys::napi_delete_reference(env, shadow.reference) };
                return false;
            };
            // SAFETY: the buffer is alive (its reference resolved just now)
            // and JS does not run while the runtime holds this slice.
            let copy = unsafe { std::slice::from_raw_parts_mut(data, len) };
            if f(shadow, copy) {
                return true;
            }
            // SAFETY: as above; the shadow is dropped right after.
            unsafe { sys::napi_delete_reference(env, shadow.reference) };
            false
        });
        self.count.set(entries.len());
    }
}

/// A shadow's ArrayBuffer while it is alive and still holds all its bytes
/// (not detached).
fn buffer_of(env: sys::napi_env, shadow: &Shadow) -> Option<sys::napi_value> {
    let mut value = ptr::null_mut();
    // SAFETY: `env` is live in the current callback; the reference is ours.
    let status = unsafe { sys::napi_get_reference_value(env, shadow.reference, &mut value) };
    let alive = status == sys::Status::napi_ok && !value.is_null();
    (alive && copy_data(env, value, shadow.len).is_some()).then_some(value)
}

/// The data of a shadow's ArrayBuffer, as `buffer_of` finds it.
fn copy_of(env: sys::napi_env, shadow: &Shadow) -> Option<(*mut u8, usize)> {
    let value = buffer_of(env, shadow)?;
    copy_data(env, value, shadow.len).map(|data| (data, shadow.len))
}

/// The data of ArrayBuffer `value` if it still holds `len` bytes.
fn copy_data(env: sys::napi_env, value: sys::napi_value, len: usize) -> Option<*mut u8> {
    let (mut data, mut actual) = (ptr::null_mut(), 0usize);
    // SAFETY: `value` is a live ArrayBuffer of `env`.
    let status = unsafe { sys::napi_get_arraybuffer_info(env, value, &mut data, &mut actual) };
    (status == sys::Status::napi_ok && !data.is_null() && actual == len).then_some(data.cast())
}

/// Copies Zig memory at `from` into `to`; false if some of it is unmapped.
#[cfg(target_os = "linux")]
fn read_zig(from: *const u8, to: &mut [u8]) -> bool {
    let local = libc::iovec { iov_base: to.as_mut_ptr().cast(), iov_len: to.len() };
    let remote = libc::iovec { iov_base: from.cast_mut().cast(), iov_len: to.len() };
    // SAFETY: `local` is `to`; the kernel checks `remote`, failing with
    // EFAULT (not a fault) where it is not mapped.
    let done = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
    if done < 0 && !faulted() {
        // The call itself is unavailable (a seccomp filter): plain copy.
        // SAFETY: per `ShadowSet::create`'s contract, the range is Zig memory JS may view.
        unsafe { ptr::copy(from, to.as_mut_ptr(), to.len()) };
        return true;
    }
    done == to.len() as isize
}

/// Whether the last failed call failed for unmapped memory.
#[cfg(target_os = "linux")]
fn faulted() -> bool {
    std::io::Error::last_os_error().raw_os_error() == Some(libc::EFAULT)
}

/// Copies `from` into Zig memory at `to`; false if some of it is unmapped.
#[cfg(target_os = "linux")]
fn write_zig(to: *mut u8, from: &[u8]) -> bool {
    let local = libc::iovec { iov_base: from.as_ptr().cast_mut().cast(), iov_len: from.len() };
    let remote = libc::iovec { iov_base: to.cast(), iov_len: from.len() };
    // SAFETY: as in `read_zig`; the kernel only reads `local`.
    let done = unsafe { libc::process_vm_writev(libc::getpid(), &local, 1, &remote, 1, 0) };
    if done < 0 && !faulted() {
        // SAFETY: as in `read_zig`; JS wrote these bytes, so the range is writable.
        unsafe { ptr::copy(from.as_ptr(), to, from.len()) };
        return true;
    }
    done == from.len() as isize
}

/// Elsewhere, plain copies: memory Zig freed and unmapped must not be
/// reconciled (JS must drop its views of it first).
#[cfg(not(target_os = "linux"))]
fn read_zig(from: *const u8, to: &mut [u8]) -> bool {
    // SAFETY: per `ShadowSet::create`'s contract, the range is Zig memory JS may view.
    unsafe { ptr::copy(from, to.as_mut_ptr(), to.len()) };
    true
}

#[cfg(not(target_os = "linux"))]
fn write_zig(to: *mut u8, from: &[u8]) -> bool {
    // SAFETY: as in `read_zig`; JS wrote these bytes, so the range is writable.
    unsafe { ptr::copy(from.as_ptr(), to, from.len()) };
    true
}
