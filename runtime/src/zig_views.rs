//! Pointer fields inside Zig's own memory (a `pub var` struct holding a
//! slice, a struct a returned pointer leads to). Such memory is live: Zig may
//! change a pointer at any time, so JS reads it through the runtime each
//! time, and an assignment from JS has the runtime write the address. Only
//! ArrayBuffers the runtime itself made over Zig memory are read or written
//! this way (they carry a type tag): a JS-made buffer's bytes would be an
//! address JS chose. Where external buffers are refused, these buffers are
//! shadows (JS copies reconciled at each call, see [`crate::shadow`]); the
//! functions here then read and write the copies and translate shadows to
//! the Zig addresses they stand for.

// napi-derive registers the exports only outside tests, so in the unit-test
// build the functions they reach look unused.
#![cfg_attr(test, allow(dead_code))]

use std::ffi::c_void;
use std::ptr;

use napi::bindgen_prelude::Unknown;
use napi::{sys, Env, JsValue};
use napi_derive::napi;

use crate::transfer;

/// Marks ArrayBuffers over Zig memory.
const ZIG_MEMORY_TAG: sys::napi_type_tag =
    sys::napi_type_tag { lower: 0x7a69_6770_6f72_7421, upper: 0x7a69_675f_6d65_6d02 };

/// Tags `buffer` (an ArrayBuffer over Zig memory the runtime just made).
pub fn tag_zig_memory(env: sys::napi_env, buffer: sys::napi_value) {
    // SAFETY: `env` and `buffer` are live in the current callback.
    unsafe { sys::napi_type_tag_object(env, buffer, &ZIG_MEMORY_TAG) };
}

/// The ArrayBuffer through which JS sees `len` bytes of Zig memory at
/// `address`, and the offset of those bytes in it: a new buffer over them
/// (offset 0), or, where external buffers are refused, the shadow that holds
/// them (see [`crate::shadow`]), so that views of one place alias.
pub(crate) fn zig_memory_at(env: sys::napi_env, address: u64, len: u64) -> (sys::napi_value, u64) {
    if len > 0 && crate::no_external::known_enabled() {
        if let Some(state) = crate::env_state::existing(env) {
            if let Some((buffer, offset)) = state.shadows.containing(env, address as *mut u8, len as usize) {
                return (buffer, offset as u64);
            }
        }
    }
    (zig_memory(env, address, len), 0)
}

/// An ArrayBuffer over `len` bytes of Zig memory at `address`, without a
/// finalizer: Zig owns the memory, JS only views it. Where external buffers
/// are refused, a new shadow of that memory instead. The buffer made last is
/// given again while it lives (see [`crate::last_view`]).
pub(crate) fn zig_memory(env: sys::napi_env, address: u64, len: u64) -> sys::napi_value {
    if len > 0 && crate::no_external::known_enabled() {
        return shadow_of(env, address, len);
    }
    let state = crate::env_state::existing(env).filter(|_| len > 0);
    if let Some(buffer) = state.and_then(|s| s.last_view.get(env, address, len)) {
        return buffer;
    }
    let buffer = external_view(env, address, len);
    if let Some(state) = state.filter(|_| !buffer.is_null()) {
        state.last_view.remember(env, address, len, buffer);
    }
    buffer
}

/// A new tagged ArrayBuffer over `len` bytes of Zig memory at `address`.
fn external_view(env: sys::napi_env, address: u64, len: u64) -> sys::napi_value {
    let mut buffer = ptr::null_mut();
    let status = if len == 0 {
        // SAFETY: `env` is live; an empty buffer needs no data.
        unsafe { sys::napi_create_arraybuffer(env, 0, ptr::null_mut(), &mut buffer) }
    } else {
        // SAFETY: the thunk returned this address and length for the caller
        // to use, and Zig keeps owning it: the buffer gets no finalizer, and
        // the module stays loaded for the environment's lifetime.
        unsafe {
            sys::napi_create_external_arraybuffer(
                env,
                address as *mut c_void,
                len as usize,
                None,
                ptr::null_mut(),
                &mut buffer,
            )
        }
    };
    if status != sys::Status::napi_ok {
        return crate::throw::throw_range_error(env, c"cannot view the memory a function returned");
    }
    tag_zig_memory(env, buffer);
    buffer
}

/// A tagged shadow of `len` bytes of Zig memory at `address`.
fn shadow_of(env: sys::napi_env, address: u64, len: u64) -> sys::napi_value {
    let Ok(state) = crate::env_state::env_state(env) else {
        return crate::throw::throw_range_error(env, c"cannot view the memory a function returned");
    };
    // SAFETY: as for a live view: the thunk returned this address and length
    // for the caller to use, and the module stays loaded.
    let buffer = unsafe { state.shadows.create(env, address as *mut u8, len as usize) };
    if buffer.is_null() {
        return crate::throw::throw_range_error(env, c"cannot copy the memory a function returned");
    }
    tag_zig_memory(env, buffer);
    buffer
}

/// The address Zig knows the bytes at `data` (an ArrayBuffer's) by: the Zig
/// memory a shadow stands for, or `data` itself.
pub(crate) fn zig_address_of(env: sys::napi_env, data: *mut u8) -> *mut u8 {
    match crate::env_state::existing(env) {
        Some(state) if !state.shadows.is_empty() => state.shadows.zig_address(env, data).unwrap_or(data),
        _ => data,
    }
}

/// Whether `value` is an ArrayBuffer the runtime made over Zig memory.
pub fn is_zig_memory(env: sys::napi_env, value: sys::napi_value) -> bool {
    let mut ours = false;
    // SAFETY: `value` is an argument of the current callback.
    let status = unsafe { sys::napi_check_object_type_tag(env, value, &ZIG_MEMORY_TAG, &mut ours) };
    status == sys::Status::napi_ok && ours
}

/// The data and length of `value` if it is a tagged ArrayBuffer over Zig memory.
fn zig_buffer(env: sys::napi_env, value: sys::napi_value) -> Option<(*mut u8, usize)> {
    let mut ours = false;
    // SAFETY: `value` is an argument of the current callback.
    let status = unsafe { sys::napi_check_object_type_tag(env, value, &ZIG_MEMORY_TAG, &mut ours) };
    if status != sys::Status::napi_ok || !ours {
        return None;
    }
    array_buffer(env, value)
}

fn array_buffer(env: sys::napi_env, value: sys::napi_value) -> Option<(*mut u8, usize)> {
    let mut data = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: `value` is an argument of the current callback.
    let status = unsafe { sys::napi_get_arraybuffer_info(env, value, &mut data, &mut len) };
    (status == sys::Status::napi_ok && !data.is_null()).then_some((data.cast(), len))
}

/// Where a pointer field lies: bytes `offset..offset + 8` (and the length's
/// at `len_offset`, when a slice) of the buffer, checked against its length.
fn field(len: usize, offset: f64, len_offset: f64) -> napi::Result<(usize, Option<usize>)> {
    let whole = |x: f64| x >= 0.0 && x.fract() == 0.0 && x + 8.0 <= len as f64;
    if !whole(offset) || !(len_offset == -1.0 || whole(len_offset)) {
        return Err(napi::Error::from_reason("the pointer field lies outside its memory"));
    }
    Ok((offset as usize, (len_offset >= 0.0).then_some(len_offset as usize)))
}

/// How `read_place` reads a pointer: `[address, ArrayBuffer, byteOffset,
/// byteLength]` (the pointed-at bytes' place in the buffer) over its
/// count of elements (1 without a count), over the elements before its zero
/// terminator (`[*:0]T`), or `[address, handle]` (`*Opaque`).
const READ_TO_ZERO: u32 = 1;
const READ_HANDLE: u32 = 2;

/// The pointer at `offset` of a Zig-memory buffer (its element count at
/// `len_offset`, or -1 for a single item), read as `mode` says (see
/// [`READ_HANDLE`]) over `elem_size`-byte elements, or null.
#[napi]
pub fn read_place(
    env: Env,
    buffer: Unknown,
    offset: f64,
    len_offset: f64,
    elem_size: f64,
    mode: Option<u32>,
) -> napi::Result<sys::napi_value> {
    let env = env.raw();
    let (data, len) = zig_buffer(env, buffer.raw()).ok_or_else(|| napi::Error::from_reason("not Zig memory"))?;
    let (at, len_at) = field(len, offset, len_offset)?;
    // SAFETY: both 8-byte ranges were just checked to lie inside the buffer.
    let (address, count) =
        unsafe { (transfer::read_u64(data.add(at)), len_at.map_or(1, |l| transfer::read_u64(data.add(l)))) };
    if let Some(state) = crate::env_state::existing(env) {
        // A terminator JS just wrote through a shadow must be in Zig's memory.
        state.shadows.push_to_zig(env);
    }
    let count = if mode == Some(READ_TO_ZERO) && address != 0 && elem_size >= 1.0 {
        // SAFETY: the field is a `[*:0]T` in Zig's memory, which Zig
        // promises ends in a zero element.
        unsafe { transfer::count_until_zero(address as *const u8, elem_size as u64) }
    } else {
        count
    };
    let bytes = count.checked_mul(elem_size as u64).filter(|b| *b <= isize::MAX as u64);
    let mut out = ptr::null_mut();
    let (Some(bytes), true) = (bytes, address != 0) else {
        // SAFETY: `env` is live in the current callback.
        unsafe { sys::napi_get_null(env, &mut out) };
        return Ok(out);
    };
    let (view, at) = if mode == Some(READ_HANDLE) {
        let handle = crate::handles::create_handle(env, address, None);
        (handle.ok_or_else(|| napi::Error::from_reason("cannot make a handle"))?, 0)
    } else {
        zig_memory_at(env, address, bytes)
    };
    // SAFETY: `env` is live; the array gets four values of it.
    unsafe {
        sys::napi_create_array_with_length(env, 4, &mut out);
        for (i, number) in [address as f64, at as f64, bytes as f64].into_iter().enumerate() {
            let mut value = ptr::null_mut();
            sys::napi_create_double(env, number, &mut value);
            sys::napi_set_element(env, out, if i == 0 { 0 } else { i as u32 + 1 }, value);
        }
        sys::napi_set_element(env, out, 1, view);
    }
    Ok(out)
}

/// Points the pointer at `offset` of a Zig-memory buffer at `count`
/// elements at `target_offset` of ArrayBuffer `target` (null: at nothing;
/// a handle: at its address), writing the element count at `len_offset`
/// for a slice. Returns the address written. JS keeps `target` alive for as long as the field may
/// point at it.
// One call from JS per assignment, its arguments as plain numbers: grouping
// them into an object would cost more than it clarifies.
#[allow(clippy::too_many_arguments)]
#[napi]
pub fn write_place(
    env: Env,
    buffer: Unknown,
    offset: f64,
    len_offset: f64,
    target: Option<Unknown>,
    target_offset: f64,
    byte_length: f64,
    count: f64,
) -> napi::Result<f64> {
    let env = env.raw();
    let (data, len) = zig_buffer(env, buffer.raw()).ok_or_else(|| napi::Error::from_reason("not Zig memory"))?;
    let (at, len_at) = field(len, offset, len_offset)?;
    let address = match target {
        None => 0,
        Some(t) if byte_length == 0.0 && crate::handles::handle_address(env, t.raw()).is_some() => {
            crate::handles::handle_address(env, t.raw()).unwrap_or(0)
        }
        Some(t) => {
            let (base, size) =
                array_buffer(env, t.raw()).ok_or_else(|| napi::Error::from_reason("no memory to point at"))?;
            let inside = target_offset >= 0.0 && byte_length >= 0.0 && target_offset + byte_length <= size as f64;
            if !inside || target_offset.fract() != 0.0 {
                return Err(napi::Error::from_reason("the target lies outside its buffer"));
            }
            zig_address_of(env, base) as u64 + target_offset as u64
        }
    };
    // SAFETY: both 8-byte ranges were just checked to lie inside the buffer,
    // which is writable Zig memory (a variable or what a pointer led to).
    unsafe {
        transfer::write_u64(data.add(at), address);
        if let Some(l) = len_at {
            transfer::write_u64(data.add(l), if address == 0 { 0 } else { count as u64 });
        }
    }
    Ok(address as f64)
}
