//! The i32 an `AbortSignal` parameter (the `zigar` module's) points at:
//! heap memory at a fixed address that JS sets to 1 when its signal aborts
//! and Zig reads atomically, on any thread, until the call's promise settles.
//! JS holds it as an ArrayBuffer whose finalizer frees it; where external
//! buffers are refused, the cell is the JS ArrayBuffer's own memory, which
//! stays put while JS holds the buffer.
use std::sync::atomic::AtomicI32;

use napi::bindgen_prelude::ArrayBuffer;
use napi::Env;

use crate::no_external;

/// A new cell, 0, as `[address, ArrayBuffer over its 4 bytes]`.
pub fn create(env: &Env) -> napi::Result<(f64, ArrayBuffer<'_>)> {
    if no_external::enabled(env.raw()) {
        // V8 zero-fills the bytes and aligns them for any scalar.
        let (buffer, data) = no_external::js_buffer(env, 4)?;
        return Ok((data as usize as f64, buffer));
    }
    let cell = Box::new(AtomicI32::new(0));
    let address = cell.as_ptr();
    // SAFETY: the box owns 4 bytes at `address` until the finalizer drops it,
    // which runs only once the ArrayBuffer is collected.
    let buffer = unsafe { ArrayBuffer::from_external(env, address.cast::<u8>(), 4, cell, |_, cell| drop(cell)) }?;
    // User-space addresses are exact as JS numbers.
    Ok((address as usize as f64, buffer))
}
