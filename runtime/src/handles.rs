//! Handles: what JS holds for an address of an opaque type (`*Context`,
//! `*anyopaque`) that Zig returned. A handle is an N-API external whose data
//! pointer is the address, type-tagged as zigport's, so an address can only
//! come back to Zig if Zig handed it out: JS cannot make one, nor pass an
//! ArrayBuffer or another addon's external in its place.
use std::ffi::c_void;
use std::ptr;

use napi::sys;

/// Marks externals this runtime made as handles.
const HANDLE_TAG: sys::napi_type_tag =
    sys::napi_type_tag { lower: 0x7a69_6770_6f72_7421, upper: 0x6861_6e64_6c65_0001 };

/// A new handle for `address`. When the address lies in an ArrayBuffer the
/// host allocator made (`keep`), the handle keeps that buffer alive: the
/// memory Zig's pointer means must outlive every handle to it.
pub fn create_handle(env: sys::napi_env, address: u64, keep: Option<sys::napi_value>) -> Option<sys::napi_value> {
    let reference = keep.and_then(|buffer| strong_reference(env, buffer));
    let (finalize, hint): (sys::napi_finalize, *mut c_void) = match reference {
        Some(r) => (Some(release_reference), Box::into_raw(Box::new(r)).cast()),
        None => (None, ptr::null_mut()),
    };
    let mut value = ptr::null_mut();
    // SAFETY: `env` is live; the data pointer is only ever read back as a
    // number; `hint` is null or a boxed reference the finalizer takes back.
    let status = unsafe { sys::napi_create_external(env, address as *mut c_void, finalize, hint, &mut value) };
    if status != sys::Status::napi_ok {
        if let Some(f) = finalize {
            // SAFETY: the external was not made, so its finalizer never runs;
            // run it now to free the box and the reference.
            unsafe { f(env, ptr::null_mut(), hint) };
        }
        return None;
    }
    // SAFETY: `value` was just created in `env`.
    let tagged = unsafe { sys::napi_type_tag_object(env, value, &HANDLE_TAG) };
    (tagged == sys::Status::napi_ok).then_some(value)
}

/// The address a handle holds, or None if `value` is not one of ours.
pub fn handle_address(env: sys::napi_env, value: sys::napi_value) -> Option<u64> {
    let mut ours = false;
    // SAFETY: `value` is an argument of the current callback.
    let status = unsafe { sys::napi_check_object_type_tag(env, value, &HANDLE_TAG, &mut ours) };
    if status != sys::Status::napi_ok || !ours {
        return None;
    }
    let mut data = ptr::null_mut();
    // SAFETY: a tagged value is an external this module created.
    let status = unsafe { sys::napi_get_value_external(env, value, &mut data) };
    (status == sys::Status::napi_ok).then_some(data as u64)
}

fn strong_reference(env: sys::napi_env, value: sys::napi_value) -> Option<sys::napi_ref> {
    let mut reference = ptr::null_mut();
    // SAFETY: `env` and `value` are live in the current callback.
    let status = unsafe { sys::napi_create_reference(env, value, 1, &mut reference) };
    (status == sys::Status::napi_ok).then_some(reference)
}

unsafe extern "C" fn release_reference(env: sys::napi_env, _data: *mut c_void, hint: *mut c_void) {
    // SAFETY: `hint` is the box `create_handle` leaked for this external,
    // and a finalizer runs once.
    let reference = unsafe { Box::from_raw(hint.cast::<sys::napi_ref>()) };
    // SAFETY: the reference was created in this environment.
    unsafe { sys::napi_delete_reference(env, *reference) };
}
