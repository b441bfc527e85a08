//! A bound JS function run on its environment's JS thread. The frame is
//! copied into the argument arena past everything in use there, the
//! position is put in the arena header, and the dispatcher (JS) reads the
//! arguments, runs the function, writes the result and a status; the frame
//! is then copied back for the trampoline to read.
use std::ptr;
use std::sync::atomic::Ordering;

use napi::sys;

use super::{EnvCallbacks, Status};
use crate::arena::{ARENA_SIZE, HEADER_SIZE};
use crate::env_state;
use crate::zig_views;

/// Which bound function to run, and the shape of its frame.
#[derive(Clone, Copy)]
pub(super) struct Call {
    pub module: u32,
    pub caller: u32,
    pub slot: u32,
    pub frame_size: usize,
    pub frame_align: usize,
    /// Not a call: JS frees the binding of (caller, slot) instead.
    pub release: bool,
    /// The arguments or result hold pointers: JS gets a copy of the frame
    /// it may follow and write them in (a buffer tagged as Zig memory).
    pub pointers: bool,
}

/// The frame offset of a call header that asks JS to free a binding.
const RELEASE: u32 = u32::MAX;

/// Bytes before a callback frame: module key, caller, slot, frame offset,
/// and the status the dispatcher writes.
const CALL_HEADER: usize = 32;
/// Header word where the dispatcher finds the position of the call header.
const CALL_HEADER_WORD: usize = 15;
/// What a pointer call's record occupies (pointer-call.js).
const RECORD_SIZE: usize = 40;

/// Runs `call` on `frame`, on the JS thread of `owner`.
///
/// # Safety
/// `frame` holds `call.frame_size` bytes, valid for the whole call (unless
/// `call.release`), and this is `owner`'s JS thread.
pub(super) unsafe fn run(owner: &EnvCallbacks, call: &Call, frame: *mut u8) -> Status {
    let Some(at) = call_position(owner, call) else { return Status::Failed };
    let arena = owner.arena.base();
    let frame_at = align_up(at + CALL_HEADER, call.frame_align);
    // SAFETY: `call_position` checked that the call header and frame fit
    // inside the arena; the caller guarantees `frame`'s size.
    unsafe {
        let words = arena.add(at).cast::<u32>();
        words.write_volatile(call.module);
        words.add(1).write_volatile(call.caller);
        words.add(2).write_volatile(call.slot);
        words.add(3).write_volatile(if call.release { RELEASE } else { frame_at as u32 });
        words.add(4).write_volatile(Status::Failed as u32);
        if !call.release {
            ptr::copy_nonoverlapping(frame, arena.add(frame_at), call.frame_size);
        }
        arena.cast::<u32>().add(CALL_HEADER_WORD).write_volatile(at as u32);
    }
    let floor = owner.frame_floor.swap(frame_at + call.frame_size, Ordering::Relaxed);
    owner.note_progress();
    // A frame holding pointers goes to JS as a copy it may follow them in,
    // and comes back from that copy; any other is read and written in the arena.
    let dispatched = dispatch(owner, call.pointers.then_some((frame, call.frame_size)));
    owner.frame_floor.store(floor, Ordering::Relaxed);
    if !dispatched {
        return Status::Failed;
    }
    // SAFETY: as above; JS wrote the result into the copy.
    let status = unsafe {
        if !call.release && !call.pointers {
            ptr::copy_nonoverlapping(arena.add(frame_at), frame, call.frame_size);
        }
        arena.add(at).cast::<u32>().add(4).read_volatile()
    };
    if status == Status::Done as u32 {
        Status::Done
    } else {
        Status::Failed
    }
}

/// Where the call header goes: past the frame (and records) of the call
/// from JS that is under way, and past any callback frame still in use.
fn call_position(owner: &EnvCallbacks, call: &Call) -> Option<usize> {
    let mut end = owner.frame_floor.load(Ordering::Relaxed).max(HEADER_SIZE);
    if let Some(state) = env_state::existing(owner.env) {
        let (offset, id) = state.arena.header();
        let size = state.target(id).map_or(0, |t| t.frame_size);
        let (records, _) = state.arena.record_table();
        end = end.max(align_up(offset + size, 8) + records.min(4096) * RECORD_SIZE);
    }
    let at = align_up(end, 16);
    let needed = align_up(at + CALL_HEADER, call.frame_align) + call.frame_size;
    (needed <= ARENA_SIZE).then_some(at)
}

fn align_up(n: usize, align: usize) -> usize {
    n.div_ceil(align) * align
}

/// Calls the dispatcher in a handle scope of its own. With `frame` given
/// (its address and size), its argument is a copy of that frame, which is
/// copied back into the frame once JS wrote the result there.
fn dispatch(owner: &EnvCallbacks, frame: Option<(*mut u8, usize)>) -> bool {
    let env = owner.env;
    let reference = owner.dispatcher.load(Ordering::Acquire);
    if reference.is_null() {
        return false;
    }
    let mut scope = ptr::null_mut();
    // SAFETY: on the JS thread of `env` (the caller's guarantee), inside the
    // N-API callback that called into Zig; the scope is closed below.
    unsafe {
        if sys::napi_open_handle_scope(env, &mut scope) != sys::Status::napi_ok {
            return false;
        }
        let mut function = ptr::null_mut();
        let mut receiver = ptr::null_mut();
        let mut result = ptr::null_mut();
        // JS sees what Zig changed in shadowed memory, and Zig what JS did.
        let shadows = env_state::existing(env).map(|state| &state.shadows);
        shadows.inspect(|s| s.refresh_from_zig(env));
        let copy = frame.map(|(bytes, len)| frame_copy(env, bytes, len));
        let argv: Vec<sys::napi_value> = copy.iter().map(|(buffer, _)| *buffer).collect();
        let ok = !argv.iter().any(|a| a.is_null())
            && sys::napi_get_reference_value(env, reference, &mut function) == sys::Status::napi_ok
            && sys::napi_get_undefined(env, &mut receiver) == sys::Status::napi_ok
            && sys::napi_call_function(env, receiver, function, argv.len(), argv.as_ptr(), &mut result)
                == sys::Status::napi_ok;
        shadows.inspect(|s| s.push_to_zig(env));
        // Before Zig resumes: JS must not have detached what Zig is using.
        if let Some(state) = env_state::existing(env) {
            state.lent.ensure_attached(env);
        }
        if let (true, Some((frame, len)), Some((_, data))) = (ok, frame, copy) {
            // The buffer is alive until the scope closes below.
            ptr::copy_nonoverlapping(data, frame, len);
        }
        if !ok {
            // The dispatcher catches what bound functions throw; anything
            // else (a stack overflow) must not stay pending over Zig frames.
            let mut exception = ptr::null_mut();
            sys::napi_get_and_clear_last_exception(env, &mut exception);
        }
        sys::napi_close_handle_scope(env, scope);
        ok
    }
}

/// An ArrayBuffer holding a copy of the `len` bytes at `bytes`, tagged as
/// Zig memory so that JS follows and writes the addresses in it, with its
/// data; a null buffer on failure.
///
/// # Safety
/// `bytes` holds `len` readable bytes; on the JS thread of `env`.
unsafe fn frame_copy(env: sys::napi_env, bytes: *const u8, len: usize) -> (sys::napi_value, *const u8) {
    let mut data = ptr::null_mut();
    let mut buffer = ptr::null_mut();
    // SAFETY: per the caller; the new buffer holds `len` bytes.
    unsafe {
        if sys::napi_create_arraybuffer(env, len, &mut data, &mut buffer) != sys::Status::napi_ok {
            return (ptr::null_mut(), ptr::null());
        }
        ptr::copy_nonoverlapping(bytes, data.cast::<u8>(), len);
    }
    zig_views::tag_zig_memory(env, buffer);
    (buffer, data.cast_const().cast())
}
