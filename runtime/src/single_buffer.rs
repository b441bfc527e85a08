//! The fast path for the commonest pointer calls: one slice or single-item
//! pointer parameter, whose target holds no pointers, and a result that
//! points at nothing (`touch(bytes: []u8) u8`, `norm(p: *const P) f64`).
//! JS passes the typed array or DataView itself, with the byte range inside
//! it in header words 2 and 3; when that memory is an ordinary ArrayBuffer's
//! and is aligned for the pointee, Zig gets its address with no record, no
//! planner and no outcome to report. Anything else (a SharedArrayBuffer, a
//! detached or empty view, misaligned memory, shadows of Zig memory) is
//! declined untouched, and JS makes the same call through the general
//! pointer invoker, which copies or explains.
use std::ptr;

use napi::sys;

use crate::console;
use crate::env_state;
use crate::function_layout::SingleBuffer;
use crate::guard;
use crate::throw::{throw_fault, throw_range_error};
use crate::transfer;

/// Header word 3 meaning "to the end of the view".
const WHOLE_VIEW: usize = u32::MAX as usize;

/// The buffer invoker: runs the function the header names on the memory
/// of its one argument. Returns `true` when console output may be waiting,
/// `false` when it declined (nothing ran), `undefined` otherwise.
pub unsafe extern "C" fn invoke_with_buffer(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    let Some(state) = env_state::existing(env) else {
        return throw_range_error(env, c"no zigport module is loaded in this environment");
    };
    let (offset, id) = state.arena.header();
    let Some(target) = state.target(id) else {
        return throw_range_error(env, c"call names a function that is not registered");
    };
    // A function of another shape takes the general path too.
    let Some(single) = state.single_buffer(id) else {
        return boolean(env, false);
    };
    let Some(frame) = state.arena.frame_at(offset, target.frame_size, target.frame_align) else {
        return throw_range_error(env, c"call frame lies outside the argument arena");
    };
    // Abandoned modules and shadowed memory take the general path, which
    // throws or synchronises what the shadows stand for.
    if target.abandoned || !state.shadows.is_empty() {
        return boolean(env, false);
    }
    let (start, wanted) = state.arena.record_table();
    let Some((data, count, buffer)) = view_memory(env, info, start, wanted, &single) else {
        return boolean(env, false);
    };
    // SAFETY: the slot offsets come from the validated descriptor and lie
    // inside this function's frame, which `frame_at` checked.
    unsafe {
        transfer::write_u64(frame.add(single.address_offset), data as u64);
        if let Some(at) = single.len_offset {
            transfer::write_u64(frame.add(at), count as u64);
        }
        if let Some(at) = single.present_offset {
            transfer::write_flag(frame.add(at), true);
        }
    }
    let lending = state.lent.lend([buffer]);
    state.callbacks.enter_zig();
    // SAFETY: `frame` is the thunk's frame, and its address slot points at
    // memory of the argument JS holds for the whole call.
    let outcome = unsafe {
        if target.guarded {
            guard::call_guarded(target.thunk, frame.cast())
        } else {
            (target.thunk)(frame.cast());
            Ok(())
        }
    };
    state.callbacks.leave_zig();
    drop(lending);
    if let Err(fault) = outcome {
        return throw_fault(env, state, id, fault);
    }
    if console::has_pending() {
        return boolean(env, true);
    }
    ptr::null_mut()
}

/// The address and element count of bytes `start..` (`wanted` long, or to
/// the end) of the call's one argument, a typed array or DataView over an
/// ordinary ArrayBuffer, and that buffer; None when the fast path cannot take it.
fn view_memory(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    start: usize,
    wanted: usize,
    single: &SingleBuffer,
) -> Option<(*mut u8, usize, sys::napi_value)> {
    let mut argc = 1usize;
    let mut value = ptr::null_mut();
    // SAFETY: one argument slot for Node to fill.
    unsafe { sys::napi_get_cb_info(env, info, &mut argc, &mut value, ptr::null_mut(), ptr::null_mut()) };
    if argc != 1 {
        return None;
    }
    // JS gives a struct's DataView a length, a slice's typed array none.
    let (data, byte_len, buffer) = view_info(env, value, wanted == WHOLE_VIEW)?;
    let plain = is_plain_buffer(env, buffer);
    let len = if wanted == WHOLE_VIEW { byte_len.checked_sub(start)? } else { wanted };
    let fits = start.checked_add(len).is_some_and(|end| end <= byte_len);
    if !plain || data.is_null() || len == 0 || !fits {
        return None;
    }
    // SAFETY: `start` lies inside the view, just checked.
    let address = unsafe { data.add(start) };
    let count = single.count(len)?;
    (address as usize & single.align_mask == 0).then_some((address, count, buffer))
}

/// Data pointer (at the view's start), byte length and ArrayBuffer of a
/// typed array or DataView (`typed`: which to try first).
fn view_info(env: sys::napi_env, value: sys::napi_value, typed: bool) -> Option<(*mut u8, usize, sys::napi_value)> {
    if typed {
        typed_array_info(env, value).or_else(|| data_view_info(env, value))
    } else {
        data_view_info(env, value).or_else(|| typed_array_info(env, value))
    }
}

/// The address of the first element of typed array `value`, when it views
/// an ordinary ArrayBuffer's memory (see `view_address` in lib.rs).
pub fn typed_array_address(env: sys::napi_env, value: sys::napi_value) -> Option<f64> {
    let (data, _, buffer) = typed_array_info(env, value)?;
    let plain = is_plain_buffer(env, buffer);
    // Addresses below 2^53 (every user-space address) are exact as numbers.
    (plain && !data.is_null()).then_some(data as usize as f64)
}

/// Whether `buffer`, a view's buffer, is an ordinary ArrayBuffer (not a
/// SharedArrayBuffer, whose memory other threads may change mid-call).
fn is_plain_buffer(env: sys::napi_env, buffer: sys::napi_value) -> bool {
    let mut plain = false;
    // SAFETY: `buffer` is a view's buffer, a live value of the current callback.
    unsafe { sys::napi_is_arraybuffer(env, buffer, &mut plain) };
    plain
}

fn typed_array_info(env: sys::napi_env, value: sys::napi_value) -> Option<(*mut u8, usize, sys::napi_value)> {
    let (mut kind, mut length, mut data, mut buffer, mut offset) =
        (0, 0usize, ptr::null_mut(), ptr::null_mut(), 0usize);
    // SAFETY: `value` is an argument of the current callback; every out
    // pointer is valid. Asking for the data materialises an on-heap array's
    // buffer, so the address stays put while Zig runs.
    let status = unsafe {
        sys::napi_get_typedarray_info(env, value, &mut kind, &mut length, &mut data, &mut buffer, &mut offset)
    };
    if status != sys::Status::napi_ok {
        return None;
    }
    Some((data.cast(), length.checked_mul(element_size(kind)?)?, buffer))
}

fn data_view_info(env: sys::napi_env, value: sys::napi_value) -> Option<(*mut u8, usize, sys::napi_value)> {
    let (mut length, mut data, mut buffer, mut offset) = (0usize, ptr::null_mut(), ptr::null_mut(), 0usize);
    // SAFETY: as in `typed_array_info`.
    let status = unsafe { sys::napi_get_dataview_info(env, value, &mut length, &mut data, &mut buffer, &mut offset) };
    (status == sys::Status::napi_ok).then_some((data.cast(), length, buffer))
}

/// Bytes per element of a typed array kind (N-API's numbering: Int8Array
/// 0 through BigUint64Array 10).
fn element_size(kind: sys::napi_typedarray_type) -> Option<usize> {
    Some(match kind {
        0..=2 => 1,
        3 | 4 => 2,
        5..=7 => 4,
        8..=10 => 8,
        _ => return None,
    })
}

#[cold]
fn boolean(env: sys::napi_env, value: bool) -> sys::napi_value {
    let mut result = ptr::null_mut();
    // SAFETY: `env` is live for the duration of the callback.
    unsafe { sys::napi_get_boolean(env, value, &mut result) };
    result
}
