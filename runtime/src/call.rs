//! The hot path: one JS function per exported Zig function, created with raw
//! N-API (napi-rs's generated wrappers cost more than the whole call budget).
//! The JS half writes the arguments into the arena and calls the function
//! with no arguments; the callback runs the thunk on that frame. It returns
//! `true` when the call produced console output for JS to print, and
//! `undefined` otherwise.
use std::ffi::c_void;
use std::ptr;
use std::sync::Arc;

use napi::sys;

use crate::arena::Arena;
use crate::console;
use crate::library::{Thunk, ZigLibrary};

/// What the callback needs for one function. Owned by the JS function
/// object and dropped by its finalizer.
pub struct CallTarget {
    pub thunk: Thunk,
    pub frame_size: usize,
    pub frame_align: usize,
    pub arena: Arc<Arena>,
    /// Keeps the code behind `thunk` mapped.
    pub _library: Arc<ZigLibrary>,
}

/// Creates the JS function that calls `target`.
pub fn bind(env: sys::napi_env, name: &str, target: CallTarget) -> napi::Result<sys::napi_value> {
    let data = Box::into_raw(Box::new(target));
    let mut function = ptr::null_mut();
    // SAFETY: `env` is the live environment of the current call; `name` is
    // valid for `name.len()` bytes; `data` stays valid until the finalizer
    // registered below frees it.
    let status = unsafe {
        sys::napi_create_function(env, name.as_ptr().cast(), name.len() as isize, Some(invoke), data.cast(), &mut function)
    };
    if status != sys::Status::napi_ok {
        // SAFETY: creation failed, so nothing else refers to `data`.
        drop(unsafe { Box::from_raw(data) });
        return Err(napi::Error::from_reason("cannot create function"));
    }
    // SAFETY: `function` was just created in `env`; the finalizer runs once,
    // when the function is collected, and is the sole owner of `data`.
    let status = unsafe { sys::napi_add_finalizer(env, function, data.cast(), Some(release), ptr::null_mut(), ptr::null_mut()) };
    if status != sys::Status::napi_ok {
        // SAFETY: no finalizer was registered, so `data` is still ours.
        drop(unsafe { Box::from_raw(data) });
        return Err(napi::Error::from_reason("cannot attach function data"));
    }
    Ok(function)
}

unsafe extern "C" fn release(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    // SAFETY: `data` is the Box leaked in `bind`, released exactly once.
    drop(unsafe { Box::from_raw(data.cast::<CallTarget>()) });
}

unsafe extern "C" fn invoke(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    let mut data = ptr::null_mut();
    // SAFETY: called by Node with a valid `info`; arguments are not needed,
    // so argc/argv/this are null.
    unsafe { sys::napi_get_cb_info(env, info, ptr::null_mut(), ptr::null_mut(), ptr::null_mut(), &mut data) };
    // SAFETY: `data` is the CallTarget attached in `bind`; the function that
    // owns it is being called, so it has not been finalized.
    let target = unsafe { &*data.cast::<CallTarget>() };
    let Some(frame) = target.arena.frame(target.frame_size, target.frame_align) else {
        throw_range_error(env, c"call frame lies outside the argument arena");
        return ptr::null_mut();
    };
    // SAFETY: `frame` holds `frame_size` bytes at `frame_align`, which the
    // validated descriptor says is the thunk's frame layout.
    unsafe { (target.thunk)(frame.cast()) };
    if console::has_pending() {
        return boolean(env, true);
    }
    ptr::null_mut()
}

fn throw_range_error(env: sys::napi_env, message: &std::ffi::CStr) {
    // SAFETY: `env` is live for the duration of the callback; both strings
    // are NUL-terminated (the code may be null).
    unsafe { sys::napi_throw_range_error(env, ptr::null(), message.as_ptr()) };
}

fn boolean(env: sys::napi_env, value: bool) -> sys::napi_value {
    let mut result = ptr::null_mut();
    // SAFETY: `env` is live for the duration of the callback.
    unsafe { sys::napi_get_boolean(env, value, &mut result) };
    result
}
