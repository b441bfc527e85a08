//! Throwing from raw N-API callbacks, where napi-rs's error conversion is
//! not in the way: the hot call paths return `null` after throwing.
use std::ptr;

use napi::sys;

use crate::env_state;
use crate::guard::Fault;

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

/// Throws the exception for a guarded call of function `id` that did not return.
pub(crate) fn throw_fault(env: sys::napi_env, state: &env_state::EnvState, id: u32, fault: Fault) -> sys::napi_value {
    match fault {
        Fault::Panic(message) => throw_panic(env, &message),
        Fault::StackOverflow => {
            let name = state.layout(id).map(|l| format!("{}()", l.name));
            throw_stack_overflow(env, name.as_deref().unwrap_or("a Zig function"))
        }
    }
}

/// Throws `RangeError("Zig stack overflow in <name>")` with code
/// ZIG_STACK_OVERFLOW (as the WebAssembly host does for its traps).
fn throw_stack_overflow(env: sys::napi_env, name: &str) -> sys::napi_value {
    let text = format!("Zig stack overflow in {name}").replace('\0', " ");
    let text = std::ffi::CString::new(text).expect("NULs were replaced");
    // SAFETY: `env` is live; both strings are NUL-terminated.
    unsafe { sys::napi_throw_range_error(env, c"ZIG_STACK_OVERFLOW".as_ptr(), text.as_ptr()) };
    ptr::null_mut()
}

/// Throws `Error("Zig panicked: <message>")` with code ZIG_PANIC.
fn throw_panic(env: sys::napi_env, message: &str) -> sys::napi_value {
    let text = format!("Zig panicked: {message}").replace('\0', " ");
    let text = std::ffi::CString::new(text).expect("NULs were replaced");
    // SAFETY: `env` is live; both strings are NUL-terminated.
    unsafe { sys::napi_throw_error(env, c"ZIG_PANIC".as_ptr(), text.as_ptr()) };
    ptr::null_mut()
}
