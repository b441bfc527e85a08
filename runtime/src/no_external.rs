//! Whether this process may create ArrayBuffers over foreign memory.
//! Electron's V8 sandbox forbids them: `napi_create_external_arraybuffer`
//! answers `napi_no_external_buffers_allowed`. The runtime then keeps the
//! memory it allocates itself inside JS-owned ArrayBuffers (the arena, abort
//! cells) and shows Zig's own memory through copies (see [`crate::shadow`]).
//! `ZIGPORT_NO_EXTERNAL=1` forces that mode, so it can be tested in Node.
use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::AtomicU8;
use std::sync::OnceLock;

use napi::bindgen_prelude::{ArrayBuffer, FromNapiValue};
use napi::{sys, Env};

/// The answer, found once per process: the sandbox is process-wide.
static MODE: OnceLock<bool> = OnceLock::new();

/// The byte the probe's buffer views; never written.
static PROBE: AtomicU8 = AtomicU8::new(0);

/// Whether external ArrayBuffers are unavailable (or refused on purpose).
pub fn enabled(env: sys::napi_env) -> bool {
    *MODE.get_or_init(|| forced() || refused(env))
}

/// Whether the mode was already decided and is on; for paths without an env.
pub fn known_enabled() -> bool {
    MODE.get().copied().unwrap_or(false)
}

fn forced() -> bool {
    std::env::var_os("ZIGPORT_NO_EXTERNAL").is_some_and(|v| v == "1")
}

/// Tries one external ArrayBuffer and reports whether the engine refused it
/// for being external. Any other failure is not this mode's business.
fn refused(env: sys::napi_env) -> bool {
    let mut buffer = ptr::null_mut();
    // SAFETY: `env` is live in the current callback; the buffer views one
    // static byte that outlives it, and needs no finalizer.
    let status = unsafe {
        sys::napi_create_external_arraybuffer(
            env,
            PROBE.as_ptr().cast::<c_void>(),
            1,
            None,
            ptr::null_mut(),
            &mut buffer,
        )
    };
    status == sys::Status::napi_no_external_buffers_allowed
}

/// A new zero-filled ArrayBuffer of `len` bytes in JS-owned memory (never
/// external), with its data pointer, which stays put while the buffer lives.
pub fn js_buffer(env: &Env, len: usize) -> napi::Result<(ArrayBuffer<'_>, *mut u8)> {
    let mut data = ptr::null_mut();
    let mut buffer = ptr::null_mut();
    // SAFETY: `env` is live in the current callback.
    let status = unsafe { sys::napi_create_arraybuffer(env.raw(), len, &mut data, &mut buffer) };
    if status != sys::Status::napi_ok {
        return Err(napi::Error::from_reason(format!("cannot allocate an ArrayBuffer of {len} bytes")));
    }
    // SAFETY: `buffer` is the ArrayBuffer just made in `env`.
    let buffer = unsafe { ArrayBuffer::from_napi_value(env.raw(), buffer) }?;
    Ok((buffer, data.cast()))
}
