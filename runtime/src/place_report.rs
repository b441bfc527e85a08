//! Tells JS where the pointers inside a call's result point (see
//! `pointer_call::result_places`, which finds them). Each entry is written into the arena,
//! 48 bytes at the record table's offset, its count in header word 14:
//! kind u32 (0 null, 1 in argument buffer `index`, 2 Zig memory, 3 an
//! allocation, 5 the same target as entry `index`), index u32, byte offset
//! f64, byte length f64, address f64, parent entry u32 (u32::MAX for the
//! result itself), place u32, element u32, 4 bytes unused. For kinds 2 and
//! 3, `index` is the position of the entry's ArrayBuffer in the array the
//! invoker then returns, whose first element is what it would have returned
//! alone.
use std::ptr;

use napi::sys;

use crate::env_state::EnvState;
use crate::pointer_call::{PlaceEntry, ResultMemory};
use crate::throw::throw_range_error;
use crate::zig_views::zig_memory_at;

const ENTRY_SIZE: usize = 48;

/// Writes the entries and returns `[returned, ...buffers]`.
pub fn report(
    env: sys::napi_env,
    state: &EnvState,
    returned: sys::napi_value,
    entries: &[PlaceEntry],
) -> sys::napi_value {
    let mut buffers = vec![returned];
    let mut bytes = Vec::with_capacity(entries.len() * ENTRY_SIZE);
    for e in entries {
        let (kind, index, offset, len, address) = match (e.same_as, e.memory) {
            (Some(first), _) => (5, first, 0, 0, 0),
            (None, ResultMemory::Argument { arg, offset, len }) => (1, arg, offset, len, 0),
            (None, ResultMemory::Zig { address, len }) => {
                let (buffer, offset) = zig_memory_at(env, address, len);
                buffers.push(buffer);
                (2, buffers.len() as u32 - 1, offset, len, address)
            }
            (None, ResultMemory::Allocated { buffer, offset, len }) => {
                buffers.push(buffer);
                (3, buffers.len() as u32 - 1, offset, len, 0)
            }
            (None, ResultMemory::Null | ResultMemory::Handle { .. }) => (0, 0, 0, 0, 0),
        };
        bytes.extend_from_slice(&u32::to_le_bytes(kind));
        bytes.extend_from_slice(&u32::to_le_bytes(index));
        bytes.extend_from_slice(&(offset as f64).to_le_bytes());
        bytes.extend_from_slice(&(len as f64).to_le_bytes());
        bytes.extend_from_slice(&(address as f64).to_le_bytes());
        bytes.extend_from_slice(&e.parent.unwrap_or(u32::MAX).to_le_bytes());
        bytes.extend_from_slice(&e.place.to_le_bytes());
        bytes.extend_from_slice(&(e.element as u32).to_le_bytes());
        bytes.extend_from_slice(&[0; 4]);
    }
    let (_, table) = state.arena.record_table();
    if !state.arena.write_bytes(table, &bytes) {
        return throw_range_error(env, c"the result holds more pointers than the argument arena can report");
    }
    state.arena.set_entry_count(entries.len() as u32);
    array(env, &buffers)
}

fn array(env: sys::napi_env, items: &[sys::napi_value]) -> sys::napi_value {
    let mut out = ptr::null_mut();
    // SAFETY: `env` is live in the current callback; every item is a value
    // of it (or null, which reads as undefined).
    unsafe {
        sys::napi_create_array_with_length(env, items.len(), &mut out);
        for (i, item) in items.iter().enumerate() {
            let value = if item.is_null() { undefined(env) } else { *item };
            sys::napi_set_element(env, out, i as u32, value);
        }
    }
    out
}

fn undefined(env: sys::napi_env) -> sys::napi_value {
    let mut value = ptr::null_mut();
    // SAFETY: `env` is live in the current callback.
    unsafe { sys::napi_get_undefined(env, &mut value) };
    value
}
