//! Pointers inside a result: the elements of a returned `[]const []const u8`,
//! the slice fields of a returned struct, the parent of a returned `*Node`.
//! After the call, while the call's buffers, scratch copies and allocations
//! are still known, the runtime reads each such place (see
//! `Descriptor::places`) and says where it points, the same way it does for
//! the result itself; JS then remembers each as the target of that place.
//! Each target is walked once, so a cycle ends; a repeat names the first.
use std::collections::HashMap;

use zigport_marshal::descriptor::Place;

use super::result::{locate, ResultMemory};
use super::{CallMemory, Prepared};
use crate::host_memory::Allocation;
use crate::transfer;

/// Most places one result may report.
pub const MAX_ENTRIES: usize = 4096;

/// Where one place of a result points: `place` of element `element` of the
/// target of entry `parent` (None: of the result itself, or of the result
/// value in the frame). `same_as` names an earlier entry with this target.
pub struct PlaceEntry {
    pub memory: ResultMemory,
    pub parent: Option<u32>,
    pub place: u32,
    pub element: u64,
    pub same_as: Option<u32>,
}

/// Memory whose places are read: `len` bytes at `address`, elements of
/// `stride` bytes of type `pointee`.
#[derive(Clone, Copy)]
pub struct Walked {
    pub address: u64,
    pub len: u64,
    pub stride: u64,
    pub pointee: usize,
}

/// The result holds more pointers than one call may report.
#[derive(Debug)]
pub struct TooManyPlaces;

/// Reads every place reachable from `root` (the returned target, or the
/// returned value in the frame).
pub fn walk_result_places(
    memory: &CallMemory,
    prepared: &Prepared,
    allocations: &[Allocation],
    places: &[Vec<Place>],
    root: Walked,
) -> Result<Vec<PlaceEntry>, TooManyPlaces> {
    let mut entries = Vec::new();
    let mut seen: HashMap<(u64, u64, usize), u32> = HashMap::new();
    let mut queue = vec![(None, root)];
    while let Some((parent, at)) = queue.pop() {
        let list = places.get(at.pointee).map_or(&[][..], |l| l.as_slice());
        if list.is_empty() || at.stride == 0 {
            continue;
        }
        for element in 0..at.len / at.stride {
            for (j, place) in list.iter().enumerate() {
                let base = at.address + element * at.stride;
                // SAFETY: `base` is element `element` of memory Zig returned
                // (or of the frame) with `at.len` bytes, and the place lies
                // inside one element (validated descriptor).
                let (address, count) = unsafe { read_place(base as *const u8, place) };
                let Some(len) = count.checked_mul(place.elem_size).filter(|_| address != 0) else {
                    continue;
                };
                if entries.len() == MAX_ENTRIES {
                    return Err(TooManyPlaces);
                }
                let index = entries.len() as u32;
                let key = (address, len, place.pointee);
                let same_as = seen.get(&key).copied();
                let memory = locate(memory, prepared, allocations, address, len);
                entries.push(PlaceEntry { memory, parent, place: j as u32, element, same_as });
                if same_as.is_none() {
                    seen.insert(key, index);
                    let next = Walked { address, len, stride: place.elem_size, pointee: place.pointee };
                    queue.push((Some(index), next));
                }
            }
        }
    }
    Ok(entries)
}

/// The address and element count at `place` of the element at `base`: a
/// slice's length, one element of a many-item pointer (its length is
/// unknown), and for a zero-terminated one the elements up to and with its
/// terminator (JS keeps the terminator with the target; see pointer-field.js).
///
/// # Safety
/// The place's address (and length) bytes at `base` must be readable, and a
/// zero-terminated place must hold null or an address Zig terminated.
unsafe fn read_place(base: *const u8, place: &Place) -> (u64, u64) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let address = transfer::read_u64(base.add(place.address_offset as usize));
        let count = place.len_offset.map_or(1, |at| transfer::read_u64(base.add(at as usize)));
        if !place.terminated || address == 0 {
            return (address, count);
        }
        match place.len_offset {
            Some(_) => (address, count.saturating_add(1)),
            None => (address, transfer::count_until_zero(address as *const u8, place.elem_size.max(1)) + 1),
        }
    }
}

/// Whether the result leaves, in Zig's own memory, a pointer to memory that
/// lives only during the call: an argument's (a JS buffer, or its scratch
/// copy) or one the host allocator made. JS reads a place in Zig memory live,
/// long after the call, when that memory may be collected or reused (a
/// `*Iterator` into a Zig variable that kept the text it was given). A place
/// is in Zig memory when it belongs to a returned Zig target, or to a target
/// that is itself Zig memory.
pub fn retains_call_memory(
    env: napi::sys::napi_env,
    memory: &CallMemory,
    result: &ResultMemory,
    entries: &[PlaceEntry],
) -> bool {
    let in_zig = |m: &ResultMemory| matches!(m, ResultMemory::Zig { .. });
    entries.iter().any(|e| {
        let live = match e.parent {
            None => in_zig(result),
            Some(p) => entries.get(p as usize).is_some_and(|parent| in_zig(&parent.memory)),
        };
        live && match e.memory {
            ResultMemory::Allocated { .. } => true,
            // An argument that is itself Zig memory (a view JS passed back) outlives the call.
            ResultMemory::Argument { arg, .. } => {
                memory.buffers.get(arg as usize).is_some_and(|b| !crate::zig_views::is_zig_memory(env, b.value))
            }
            _ => false,
        }
    })
}
