//! zigport's N-API addon. It executes what `zigport-marshal` decides: opens
//! compiled modules, calls their thunks on frames the JS half prepared, and
//! exposes Zig memory as ArrayBuffers.
//!
//! - [`library`]: dlopen and the exporter's symbols;
//! - [`module`]: the `ZigModule` class the JS half uses;
//! - [`call`]: the raw N-API invokers, the hot path;
//! - [`callback`]: JS functions that Zig calls through function pointers;
//! - [`pointer_call`]: planning and executing calls with pointer arguments;
//! - [`transfer`]: scratch memory and the copies in and out of it;
//! - [`env_state`]: per-environment state (arena, function table);
//! - [`function_layout`]: where each function's frame holds pointers;
//! - [`arena`]: memory where call frames are written;
//! - [`abort_cell`]: the memory an abort signal parameter points at;
//! - [`console`]: Zig's stdout/stderr, captured for `console.log`;
//! - [`guard`]: calls that turn a Zig panic into a JS exception;
//! - [`lent_buffers`]: JS buffers Zig is using, checked when JS runs mid-call;
//! - [`host_memory`]: JS ArrayBuffers as the memory Zig allocates in a call;
//! - [`tie`]: memfd-backed buffers whose pages map into WebAssembly memory;
//! - [`wasm`]: descriptor checks and call plans for WebAssembly modules;
//! - [`handles`]: the objects JS holds for addresses of opaque types;
//! - [`result_places`]: reporting the pointers inside a result to JS;
//! - [`zig_views`]: live pointer fields inside Zig's own memory;
//! - [`no_external`]: whether the engine refuses external ArrayBuffers;
//! - [`shadow`]: JS copies of Zig memory for engines that do.
#![deny(unsafe_op_in_unsafe_fn, clippy::undocumented_unsafe_blocks)]

mod abort_cell;
mod arena;
mod call;
mod callback;
mod console;
mod env_state;
mod error;
mod function_layout;
mod guard;
mod handles;
mod host_memory;
mod last_view;
mod lent_buffers;
mod library;
mod module;
mod no_external;
mod place_report;
mod pointer_call;
mod shadow;
mod single_buffer;
mod throw;
mod tie;
mod transfer;
mod wasm;
mod zig_views;

use std::path::Path;

use std::sync::Arc;

use napi::bindgen_prelude::{ArrayBuffer, Buffer, Unknown};
use napi::{sys, Env, JsValue};
use napi_derive::napi;

/// The descriptor of the compiled module at `path`, validated, as JSON. Used
/// by the loader hooks, which need the export names before evaluation.
#[napi]
pub fn describe(path: String) -> napi::Result<String> {
    let (_library, _descriptor, text) = module::open(Path::new(&path))?;
    Ok(text)
}

/// Takes the console output Zig code produced on this thread, or null.
#[napi]
pub fn take_console_output() -> Option<Buffer> {
    let bytes = console::take();
    (!bytes.is_empty()).then(|| bytes.into())
}

/// This environment's argument arena, as an ArrayBuffer over its memory
/// (the JS ArrayBuffer it lives in, where external buffers are refused).
#[napi]
pub fn arena(env: &Env) -> napi::Result<Unknown<'_>> {
    let state = env_state::env_state(env.raw())?;
    if !state.arena_buffer.is_null() {
        let mut value = std::ptr::null_mut();
        // SAFETY: a strong reference of this environment, never deleted.
        unsafe { sys::napi_get_reference_value(env.raw(), state.arena_buffer, &mut value) };
        // SAFETY: `value` is the live ArrayBuffer the reference holds.
        return Ok(unsafe { Unknown::from_raw_unchecked(env.raw(), value) });
    }
    let keep = Arc::clone(&state.arena);
    // SAFETY: the arena is ARENA_SIZE bytes and lives until the hint (a
    // clone of its Arc) is dropped by the finalizer.
    let buffer =
        unsafe { ArrayBuffer::from_external(env, state.arena.base(), arena::ARENA_SIZE, keep, |_, keep| drop(keep)) }?;
    Ok(buffer.to_unknown())
}

/// Whether Zig memory is shown through live ArrayBuffers (`true`), or
/// through copies reconciled at each call (`false`: the engine refuses
/// external buffers, or `ZIGPORT_NO_EXTERNAL=1`).
#[napi]
pub fn external_buffers(env: Env) -> bool {
    !no_external::enabled(env.raw())
}

/// Offset of the first call frame in the arena (after its header).
#[napi]
pub fn frame_base() -> u32 {
    arena::HEADER_SIZE as u32
}

/// This environment's invoker: runs the function the arena header names.
#[napi]
pub fn invoker(env: Env) -> napi::Result<sys::napi_value> {
    env_state::env_state(env.raw())?;
    call::create_invoker(env.raw(), call::Invoker::Scalar)
}

/// The invoker for functions with pointer parameters; takes the call's
/// ArrayBuffers as arguments (see `pointer_call`).
#[napi]
pub fn pointer_invoker(env: Env) -> napi::Result<sys::napi_value> {
    env_state::env_state(env.raw())?;
    call::create_invoker(env.raw(), call::Invoker::Pointers)
}

/// The invoker for functions with one plain buffer parameter; takes the
/// typed array or DataView itself (see `single_buffer`).
#[napi]
pub fn buffer_invoker(env: Env) -> napi::Result<sys::napi_value> {
    env_state::env_state(env.raw())?;
    call::create_invoker(env.raw(), call::Invoker::Buffer)
}

/// Installs this environment's callback dispatcher: the JS function that
/// runs a bound JS function on a frame in the arena (see `callback`).
#[napi]
pub fn install_callback_dispatcher(
    env: Env,
    dispatcher: napi::bindgen_prelude::Function<'_, (), ()>,
) -> napi::Result<()> {
    let state = env_state::env_state(env.raw())?;
    state.callbacks.install(dispatcher.raw())
}

/// One more (`on`) or one fewer reason for calls from other threads to keep
/// this environment's process alive (a promise waiting for Zig).
#[napi]
pub fn keep_alive_for_threads(env: Env, on: bool) -> napi::Result<()> {
    env_state::env_state(env.raw())?.callbacks.keep_alive(on);
    Ok(())
}

/// A new abort-signal cell: `[address, ArrayBuffer over its i32]`.
#[napi]
pub fn abort_cell(env: &Env) -> napi::Result<(f64, ArrayBuffer<'_>)> {
    abort_cell::create(env)
}

/// Where function `id`'s one slice goes in its frame, when the function has
/// the fast one-buffer shape and that pointer is a slice (see
/// `single_buffer`): JS writes a typed array's address and length there
/// itself once `view_address` has told it where the array's memory is.
#[napi(object)]
pub struct SliceSlots {
    /// Byte offset of the address in the frame.
    pub address: u32,
    /// Byte offset of the element count.
    pub length: u32,
    /// Byte offset of the flag an optional slice has, if it is one.
    pub present: Option<u32>,
    /// The alignment the elements need.
    pub align: u32,
}

#[napi]
pub fn slice_slots(env: Env, id: u32) -> napi::Result<Option<SliceSlots>> {
    let state = env_state::env_state(env.raw())?;
    let slots = state.single_buffer(id).and_then(|single| {
        Some(SliceSlots {
            address: u32::try_from(single.address_offset).ok()?,
            length: u32::try_from(single.len_offset?).ok()?,
            present: single.present_offset.map(u32::try_from).transpose().ok()?,
            align: u32::try_from(single.align_mask + 1).ok()?,
        })
    });
    Ok(slots)
}

/// The address of a typed array's first element, as a number, or null for
/// anything else and for a typed array over a SharedArrayBuffer or without
/// memory. Asking materialises an array kept on the JS heap into an
/// ArrayBuffer of its own, so the address holds for as long as the array is
/// not detached.
#[napi]
pub fn view_address(env: &Env, view: Unknown<'_>) -> Option<f64> {
    single_buffer::typed_array_address(env.raw(), view.raw())
}
