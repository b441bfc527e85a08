//! Throwing from raw N-API callbacks, where napi-rs's error conversion is
//! not in the way: the hot call paths return `null` after throwing.
use std::ptr;

use napi::sys;

/// Throws a `RangeError` with `message` and returns the `null` a callback
/// gives back after throwing.
pub(crate) fn throw_range_error(env: sys::napi_env, message: &std::ffi::CStr) -> sys::napi_value {
    // SAFETY: `env` is live for the duration of the callback; the message is
    // NUL-terminated and the code may be null.
    unsafe { sys::napi_throw_range_error(env, ptr::null(), message.as_ptr()) };
    ptr::null_mut()
}

/// Throws an `Error` with `message` and returns the `null` a callback gives
/// back after throwing.
pub(crate) fn throw_error(env: sys::napi_env, message: &std::ffi::CStr) -> sys::napi_value {
    // SAFETY: as in `throw_range_error`.
    unsafe { sys::napi_throw_error(env, ptr::null(), message.as_ptr()) };
    ptr::null_mut()
}
