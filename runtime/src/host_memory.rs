//! Memory Zig allocates during a call through the allocator the host gives
//! functions with a `std.mem.Allocator` parameter (`js/zig/host_allocator.zig`).
//! Each allocation is a new JS ArrayBuffer: a result pointing into one is
//! returned as that buffer, and the garbage collector frees the rest.
//!
//! Allocations are only possible while the pointer invoker runs such a
//! function on a JS thread: it opens an [`AllocationScope`], whose buffers
//! stay reachable through the callback's handle scope until it returns.
use std::cell::RefCell;
use std::ptr;

use napi::sys;

/// One ArrayBuffer made for Zig: its handle and the bytes Zig was given.
#[derive(Clone, Copy)]
pub struct Allocation {
    pub buffer: sys::napi_value,
    /// Address of the buffer's first byte, and of the bytes handed to Zig.
    pub base: u64,
    pub start: u64,
    pub len: u64,
}

struct Scope {
    env: sys::napi_env,
    allocations: Vec<Allocation>,
}

thread_local! {
    static CURRENT: RefCell<Option<Scope>> = const { RefCell::new(None) };
}

/// Lets Zig allocate on this thread until dropped; then yields what it made.
pub struct AllocationScope {
    outer: Option<Scope>,
}

impl AllocationScope {
    pub fn open(env: sys::napi_env) -> Self {
        let scope = Scope { env, allocations: Vec::new() };
        Self { outer: CURRENT.with(|c| c.borrow_mut().replace(scope)) }
    }

    /// Ends the scope, returning the allocations made in it.
    pub fn close(mut self) -> Vec<Allocation> {
        let outer = self.outer.take();
        CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), outer)).map(|s| s.allocations).unwrap_or_default()
    }
}

impl Drop for AllocationScope {
    fn drop(&mut self) {
        if let Some(outer) = self.outer.take() {
            CURRENT.with(|c| *c.borrow_mut() = Some(outer));
        }
    }
}

/// The host allocator's entry point. Must not unwind: it is called from Zig.
pub unsafe extern "C" fn host_alloc(len: usize, alignment: usize) -> *mut u8 {
    let made = CURRENT.try_with(|c| {
        let Ok(mut slot) = c.try_borrow_mut() else {
            return ptr::null_mut();
        };
        let Some(scope) = slot.as_mut() else {
            return ptr::null_mut();
        };
        allocate(scope, len, alignment)
    });
    made.unwrap_or(ptr::null_mut())
}

fn allocate(scope: &mut Scope, len: usize, alignment: usize) -> *mut u8 {
    let Some(total) = len.checked_add(alignment.saturating_sub(1)).filter(|_| alignment.is_power_of_two()) else {
        return ptr::null_mut();
    };
    let mut data = ptr::null_mut();
    let mut buffer = ptr::null_mut();
    // SAFETY: `scope.env` is the environment of the callback running this
    // call on this thread; the buffer stays reachable through that
    // callback's handle scope while Zig uses it.
    let status = unsafe { sys::napi_create_arraybuffer(scope.env, total.max(1), &mut data, &mut buffer) };
    if status != sys::Status::napi_ok || data.is_null() {
        return ptr::null_mut();
    }
    let base = data as u64;
    let start = base.next_multiple_of(alignment as u64);
    scope.allocations.push(Allocation { buffer, base, start, len: len as u64 });
    // SAFETY: `start - base < alignment`, so `len` bytes from `start` lie
    // inside the `total` bytes just allocated.
    unsafe { data.cast::<u8>().add((start - base) as usize) }
}
