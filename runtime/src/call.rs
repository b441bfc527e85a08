//! The hot path. Each environment has one raw N-API function, the invoker
//! (napi-rs's generated wrappers cost more than the whole call budget). The
//! JS half writes a call's frame into the arena, puts the frame offset and
//! the function's id in the arena header, and calls the invoker with no
//! arguments; it finds the environment's state through instance data (much
//! cheaper than per-function callback data) and runs the thunk. It returns
//! `true` when console output may be waiting for JS, `undefined` otherwise.
use std::ptr;

use napi::sys;

use crate::console;
use crate::env_state::{self, CallTarget};
use crate::error::{CallError, JsErrorClass};
use crate::function_layout::{Gate, PointerLayout, ResultPlaces};
use crate::guard::{self, Fault};
use crate::handles;
use crate::host_memory::AllocationScope;
use crate::place_report;
use crate::pointer_call::{self, CallMemory, ResultMemory, Walked};
use crate::throw::{throw_error, throw_fault, throw_range_error};
use crate::transfer;
use crate::zig_views::zig_memory_at;

/// What a call of an abandoned module's function throws (Zigar's wording).
const ABANDONED: &std::ffi::CStr = c"Module was abandoned";
/// A call's scratch copies are followed by guard bytes; this is thrown when
/// they changed, which only a write past the memory Zig was given does.
const OVERRUN: &std::ffi::CStr = c"memory past the end of this call's copied arguments was overwritten \
(Zig wrote beyond a slice or pointer it was given); nothing was copied back";
const RETAINED: &std::ffi::CStr =
    c"The result points at Zig memory that keeps a pointer to memory that lives only during the call \
(an argument, or what the call allocated): return the value itself, or copy what it points at into memory Zig owns";

/// Which of the two invokers to create.
pub enum Invoker {
    /// Functions whose parameters are all scalars: the hot path.
    Scalar,
    /// Functions with pointer parameters; the ArrayBuffers are its arguments.
    Pointers,
    /// Functions with one plain buffer parameter (see `single_buffer`).
    Buffer,
}

/// Creates one of this environment's invoker functions.
pub fn create_invoker(env: sys::napi_env, kind: Invoker) -> napi::Result<sys::napi_value> {
    let (name, callback): (&str, sys::napi_callback) = match kind {
        Invoker::Scalar => ("invoke", Some(invoke)),
        Invoker::Pointers => ("invokeWithPointers", Some(invoke_with_pointers)),
        Invoker::Buffer => ("invokeWithBuffer", Some(crate::single_buffer::invoke_with_buffer)),
    };
    let mut function = ptr::null_mut();
    // SAFETY: `env` is live; `name` is valid for its length; no data pointer.
    let status = unsafe {
        sys::napi_create_function(
            env,
            name.as_ptr().cast(),
            name.len() as isize,
            callback,
            ptr::null_mut(),
            &mut function,
        )
    };
    if status != sys::Status::napi_ok {
        return Err(napi::Error::from_reason("cannot create the invoker function"));
    }
    Ok(function)
}

/// The environment's state, the function the arena header names, its id
/// and its frame; or the JS exception to return when the header is wrong.
fn locate(env: sys::napi_env) -> Result<(&'static env_state::EnvState, u32, CallTarget, *mut u8), sys::napi_value> {
    let Some(state) = env_state::existing(env) else {
        return Err(throw_range_error(env, c"no zigport module is loaded in this environment"));
    };
    let (offset, id) = state.arena.header();
    let Some(target) = state.target(id) else {
        return Err(throw_range_error(env, c"call names a function that is not registered"));
    };
    if target.abandoned {
        return Err(throw_error(env, ABANDONED));
    }
    let Some(frame) = state.arena.frame_at(offset, target.frame_size, target.frame_align) else {
        return Err(throw_range_error(env, c"call frame lies outside the argument arena"));
    };
    Ok((state, id, target, frame))
}

unsafe extern "C" fn invoke(env: sys::napi_env, _info: sys::napi_callback_info) -> sys::napi_value {
    // Spelled out rather than through `locate`: returning its tuple costs
    // about a nanosecond here, a tenth of the call.
    let Some(state) = env_state::existing(env) else {
        return throw_range_error(env, c"no zigport module is loaded in this environment");
    };
    let (offset, id) = state.arena.header();
    let Some(target) = state.target(id) else {
        return throw_range_error(env, c"call names a function that is not registered");
    };
    if target.abandoned {
        return throw_error(env, ABANDONED);
    }
    let Some(frame) = state.arena.frame_at(offset, target.frame_size, target.frame_align) else {
        return throw_range_error(env, c"call frame lies outside the argument arena");
    };
    if !state.shadows.is_empty() {
        return invoke_shadowed(env, state, id, target, frame);
    }
    state.callbacks.enter_zig();
    if target.guarded {
        // SAFETY: as below.
        let returned = unsafe { invoke_guarded(env, state, id, target, frame) };
        state.callbacks.leave_zig();
        return returned;
    }
    // SAFETY: `frame` holds `frame_size` bytes at `frame_align`, the
    // thunk's frame layout per the validated descriptor it came from.
    unsafe { (target.thunk)(frame.cast()) };
    state.callbacks.leave_zig();
    after_call(env)
}

/// `invoke` where JS holds shadows of Zig memory (external buffers are
/// refused): what JS changed in them reaches Zig before the call, and what
/// Zig changed reaches them after it.
#[cold]
#[inline(never)]
fn invoke_shadowed(
    env: sys::napi_env,
    state: &env_state::EnvState,
    id: u32,
    target: CallTarget,
    frame: *mut u8,
) -> sys::napi_value {
    state.shadows.push_to_zig(env);
    state.callbacks.enter_zig();
    // SAFETY: as in `invoke`, whose checks produced `target` and `frame`.
    let outcome = unsafe { run(target, frame) };
    state.callbacks.leave_zig();
    state.shadows.refresh_from_zig(env);
    match outcome {
        Ok(()) => after_call(env),
        Err(fault) => throw_fault(env, state, id, fault),
    }
}

unsafe extern "C" fn invoke_with_pointers(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    let (state, id, target, frame) = match locate(env) {
        Ok(found) => found,
        Err(exception) => return exception,
    };
    let Some(layout) = state.layout(id) else {
        return throw_range_error(env, c"call names a function that is not registered");
    };
    // Before `prepare`: it may copy from Zig memory that shadows stand for.
    state.shadows.push_to_zig(env);
    let mut memory = CallMemory::default();
    let prepared = match pointer_call::prepare(env, info, state, &layout.params, &layout.places, frame, &mut memory) {
        Ok(prepared) => prepared,
        Err(e) => return throw_call_error(env, &e),
    };
    let lending = state.lent.lend(memory.lent_buffers());
    let scope = layout.allocates.then(|| AllocationScope::open(env));
    state.callbacks.enter_zig();
    // SAFETY: `frame` is the thunk's frame and every address slot in it now
    // points at memory that stays valid until `finish` below.
    let outcome = unsafe { run(target, frame) };
    state.callbacks.leave_zig();
    let allocations = scope.map(AllocationScope::close).unwrap_or_default();
    let result = match (&outcome, layout.result) {
        (Ok(()), Some(slot)) => pointer_call::resolve_result(&memory, &prepared, &allocations, &slot, frame),
        _ => ResultMemory::Null,
    };
    let entries = match (&outcome, result_root(&layout, frame)) {
        (Ok(()), Some(root)) => {
            pointer_call::walk_result_places(&memory, &prepared, &allocations, &layout.places, root)
        }
        _ => Ok(Vec::new()),
    };
    // Zig may have written before it panicked; JS sees what it wrote.
    let guarded = prepared.finish();
    drop(lending);
    state.shadows.refresh_from_zig(env);
    if !guarded {
        return throw_error(env, OVERRUN);
    }
    if let Err(fault) = outcome {
        return throw_fault(env, state, id, fault);
    }
    let Ok(entries) = entries else {
        return throw_range_error(env, c"the result holds more pointers than one call may return (4096)");
    };
    if pointer_call::retains_call_memory(env, &memory, &result, &entries) {
        return throw_error(env, RETAINED);
    }
    let returned = report_outcome(env, state, result);
    if entries.is_empty() {
        return returned;
    }
    place_report::report(env, state, returned, &entries)
}

/// Where the pointers inside the result are, when it holds any.
fn result_root(layout: &PointerLayout, frame: *mut u8) -> Option<Walked> {
    match layout.result_places? {
        ResultPlaces::InTarget => {
            let slot = layout.result?;
            let (address, len) = pointer_call::read_result_slot(&slot, frame)?;
            Some(Walked { address, len, stride: slot.elem_size, pointee: slot.pointee })
        }
        ResultPlaces::InFrame { offset, size, type_index, gate } => {
            // SAFETY: gate offsets come from the validated descriptor and lie
            // inside this function's frame, which the thunk has just filled.
            let there = unsafe {
                match gate {
                    Gate::Always => true,
                    Gate::Present(at) => transfer::read_flag(frame.add(at as usize)),
                    Gate::NoError(at, size) => transfer::read_uint(frame.add(at as usize), size) == 0,
                }
            };
            there.then(|| Walked { address: frame as u64 + offset, len: size, stride: size, pointee: type_index })
        }
    }
}

/// Tells JS what the pointer invoker's call produced (see
/// `Arena::set_call_outcome`); returns the ArrayBuffer the result points
/// into when JS does not have it yet (Zig memory, or one the host
/// allocator made).
fn report_outcome(env: sys::napi_env, state: &env_state::EnvState, result: ResultMemory) -> sys::napi_value {
    let console = console::has_pending();
    match result {
        ResultMemory::Null => state.arena.set_call_outcome(console, 0, 0, 0, 0, 0),
        ResultMemory::Argument { arg, offset, len } => state.arena.set_call_outcome(console, 1, arg, offset, len, 0),
        ResultMemory::Zig { address, len } => {
            let (buffer, offset) = zig_memory_at(env, address, len);
            state.arena.set_call_outcome(console, 2, 0, offset, len, address);
            return buffer;
        }
        ResultMemory::Allocated { buffer, offset, len } => {
            state.arena.set_call_outcome(console, 3, 0, offset, len, 0);
            return buffer;
        }
        ResultMemory::Handle { address, keep } => {
            state.arena.set_call_outcome(console, 4, 0, 0, 0, address);
            return handles::create_handle(env, address, keep).unwrap_or_else(|| {
                throw_range_error(env, c"cannot make a handle for the address a function returned")
            });
        }
    }
    ptr::null_mut()
}

/// Runs a thunk, guarded when its module has runtime safety.
///
/// # Safety
/// `frame` must be a valid frame for `target.thunk`.
unsafe fn run(target: CallTarget, frame: *mut u8) -> Result<(), Fault> {
    if target.guarded {
        // SAFETY: guaranteed by the caller.
        unsafe { guard::call_guarded(target.thunk, frame.cast()) }
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { (target.thunk)(frame.cast()) };
        Ok(())
    }
}

fn throw_call_error(env: sys::napi_env, e: &CallError) -> sys::napi_value {
    let text = std::ffi::CString::new(e.to_string().replace('\0', " ")).expect("NULs were replaced");
    let code = c"ZIGPORT_ARGUMENT";
    // SAFETY: `env` is live; both strings are NUL-terminated.
    unsafe {
        match e.js_class() {
            JsErrorClass::Error => sys::napi_throw_error(env, code.as_ptr(), text.as_ptr()),
            JsErrorClass::TypeError => sys::napi_throw_type_error(env, code.as_ptr(), text.as_ptr()),
            JsErrorClass::RangeError => sys::napi_throw_range_error(env, code.as_ptr(), text.as_ptr()),
        }
    };
    ptr::null_mut()
}

/// What a call returns to JS: `true` when console output may be waiting.
#[inline(always)]
fn after_call(env: sys::napi_env) -> sys::napi_value {
    if console::has_pending() {
        return boolean(env, true);
    }
    ptr::null_mut()
}

/// The call path of modules with runtime safety, kept out of line so the
/// unguarded path stays small.
///
/// # Safety
/// `frame` must be a valid frame for `target.thunk`.
#[cold]
#[inline(never)]
unsafe fn invoke_guarded(
    env: sys::napi_env,
    state: &env_state::EnvState,
    id: u32,
    target: CallTarget,
    frame: *mut u8,
) -> sys::napi_value {
    // SAFETY: guaranteed by the caller.
    match unsafe { guard::call_guarded(target.thunk, frame.cast()) } {
        Ok(()) => after_call(env),
        Err(fault) => throw_fault(env, state, id, fault),
    }
}

#[cold]
fn boolean(env: sys::napi_env, value: bool) -> sys::napi_value {
    let mut result = ptr::null_mut();
    // SAFETY: `env` is live for the duration of the callback.
    unsafe { sys::napi_get_boolean(env, value, &mut result) };
    result
}
