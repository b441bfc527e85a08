//! The call path for functions with pointer or slice parameters. JS writes
//! the scalar parameters into the frame as usual, then one record per
//! pointer argument (which slot, which ArrayBuffer argument, byte range) and
//! calls this environment's pointer invoker with the ArrayBuffers as its
//! arguments. The runtime checks every range against its buffer; when every
//! target is already aligned where it lies, Zig gets the JS memory itself
//! (the common case, decided without the planner); otherwise
//! `zigport_marshal::plan` decides what is copied to aligned scratch memory.
//! Either way the runtime writes every address and slice length into the
//! frame itself, and copies writable clusters back after the call.
//!
//! - [`records`]: reading and checking what JS wrote;
//! - [`result`]: where a returned address points;
//! - [`result_places`]: where the pointers inside a result point.
mod records;
mod result;
mod result_places;

use std::ptr;

use napi::sys;
use smallvec::SmallVec;
use zigport_marshal::descriptor::{Place, PointerSlot};
use zigport_marshal::plan::{
    for_each_fill, plan_call, CallPlan, MissingTarget, PlaceRecord, Placement, PlanError, ScratchLayout, Target,
};

use crate::env_state::EnvState;
use crate::error::CallError;
use crate::transfer::{self, ScratchBlock};

use records::{buffer_arguments, mark_zig_memory, read_records, BufferInfo, Record};
pub use result::{read_result_slot, resolve_result, ResultMemory};
pub use result_places::{retains_call_memory, walk_result_places, PlaceEntry, Walked};

/// Inline capacity of the per-call lists: calls rarely have more pointers.
type Small<T> = SmallVec<[T; 4]>;

/// The per-call lists, owned by the invoker's stack frame (moving them
/// around showed in the cost of a call).
#[derive(Default)]
pub struct CallMemory {
    records: Small<Record>,
    targets: Small<Target>,
    buffers: Small<BufferInfo>,
}

impl CallMemory {
    /// The ArrayBuffers whose memory the call uses (in place, or to copy
    /// back into): the arguments that are not handles.
    pub fn lent_buffers(&self) -> impl Iterator<Item = sys::napi_value> + '_ {
        self.buffers.iter().filter(|b| !b.handle && b.data.is_some()).map(|b| b.value)
    }
}

/// What must happen after the call: nothing, or copies back from scratch.
pub enum Prepared {
    InPlace,
    Copied(Box<CopiedCall>),
}

pub struct CopiedCall {
    plan: CallPlan,
    buffers: Small<*mut u8>,
    /// Owns the copies' memory until the call is over.
    scratch: Option<ScratchBlock>,
    layout: ScratchLayout,
}

/// Reads the records, checks them, decides placement and writes the frame's
/// address slots. `frame` must be the frame of the function with `slots`.
pub fn prepare(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    state: &EnvState,
    slots: &[PointerSlot],
    places: &[Vec<Place>],
    frame: *mut u8,
    memory: &mut CallMemory,
) -> Result<Prepared, CallError> {
    let CallMemory { records, targets, buffers } = memory;
    read_records(state, slots, places, records, targets)?;
    buffer_arguments(env, info, buffers)?;
    if !state.shadows.is_empty() {
        // A shadow stands for Zig memory: Zig gets that memory's address.
        for b in buffers.iter_mut().filter(|b| !b.handle) {
            b.data = b.data.map(|d| crate::zig_views::zig_address_of(env, d));
        }
    }
    if records.iter().any(|r| places.get(r.pointee).is_some_and(|l| !l.is_empty())) {
        mark_zig_memory(env, buffers);
    }
    let (records, targets, buffers) = (&*records, &*targets, &*buffers);
    check_targets(records, targets, slots, buffers)?;
    let base = |t: &Target| buffers[t.buffer.0 as usize].data.map_or(0, |d| d as u64);
    if targets.iter().all(|t| base(t) != 0 && t.is_aligned_at(base(t) + t.offset)) {
        write_slots(records, targets, slots, places, buffers, frame, |i| base(&targets[i]) + targets[i].offset)?;
        return Ok(Prepared::InPlace);
    }
    let addresses: Small<*mut u8> = buffers.iter().map(|b| b.data.unwrap_or(ptr::null_mut())).collect();
    let plan = plan_call(targets, |b| addresses[b.0 as usize] as u64).map_err(|e| match e {
        PlanError::Alignment(conflict) => CallError::Alignment(conflict),
        other => CallError::Plan(other.to_string()),
    })?;
    let needed = ScratchLayout::upper_bound(&plan);
    let mut scratch = (needed > 0).then(|| ScratchBlock::new(needed));
    let start = scratch.as_mut().map_or(0, |block| block.base() as u64);
    let layout = ScratchLayout::new(&plan, start).map_err(|e| CallError::Plan(e.to_string()))?;
    let call = CopiedCall { plan, buffers: addresses, scratch, layout };
    call.copy_in();
    write_slots(records, targets, slots, places, buffers, frame, |i| call.layout.target_address(&call.plan, i))?;
    Ok(Prepared::Copied(Box::new(call)))
}

impl Prepared {
    /// Copies writable clusters that were moved back into their buffers;
    /// false when something wrote past the scratch block during the call
    /// (its guard changed), in which case nothing is copied back.
    pub fn finish(self) -> bool {
        let Prepared::Copied(call) = self else { return true };
        if call.scratch.as_ref().is_some_and(|block| !block.guard_intact()) {
            return false;
        }
        call.copy_back();
        true
    }
}

impl CopiedCall {
    /// Fills the scratch regions of clusters that must move.
    fn copy_in(&self) {
        for (i, planned) in self.plan.clusters.iter().enumerate() {
            if let Placement::Copy { len, .. } = planned.placement {
                // SAFETY: the cluster lies inside its buffer (each member was
                // bounds-checked) and its scratch region inside the block.
                unsafe {
                    transfer::copy(self.cluster_source(i), self.layout.cluster_address(i) as *mut u8, len as usize)
                };
            }
        }
    }

    fn copy_back(&self) {
        for (i, planned) in self.plan.clusters.iter().enumerate() {
            if let Placement::Copy { len, copy_back: true, .. } = planned.placement {
                // SAFETY: as in `copy_in`, in the other direction.
                unsafe {
                    transfer::copy(self.layout.cluster_address(i) as *const u8, self.cluster_source(i), len as usize)
                };
            }
        }
    }

    /// The argument position of `len` bytes at `address` inside a scratch copy.
    fn in_scratch(&self, address: u64, len: u64) -> Option<ResultMemory> {
        self.plan.clusters.iter().enumerate().find_map(|(i, planned)| {
            let Placement::Copy { len: size, .. } = planned.placement else {
                return None;
            };
            let start = self.layout.cluster_address(i);
            let inside = address >= start && address.checked_add(len).is_some_and(|end| end <= start + size);
            inside.then(|| ResultMemory::Argument {
                arg: planned.cluster.buffer.0,
                offset: planned.cluster.start + (address - start),
                len,
            })
        })
    }

    fn cluster_source(&self, cluster: usize) -> *mut u8 {
        let c = &self.plan.clusters[cluster].cluster;
        // SAFETY: `start` lies inside the buffer (see `check_targets`).
        unsafe { self.buffers[c.buffer.0 as usize].add(c.start as usize) }
    }
}

/// Each target lies inside its ArrayBuffer and is whole elements long.
fn check_targets(
    records: &[Record],
    targets: &[Target],
    slots: &[PointerSlot],
    buffers: &[BufferInfo],
) -> Result<(), CallError> {
    for (r, t) in records.iter().zip(targets) {
        // Child records fill places; only top-level ones have frame slots.
        let top = r.parent.is_none().then(|| &slots[r.slot]);
        let param = r.param;
        let buffer = *buffers.get(r.arg).ok_or(CallError::Records("buffer argument missing"))?;
        let data = buffer.data;
        // A handle stands only for a handle slot, and a handle slot takes
        // nothing else, but for `*anyopaque`, which takes memory too: an
        // ArrayBuffer's address must never pass for a typed handle.
        let wants_handle = top.is_some_and(|s| s.handle);
        let memory_for_any = top.is_some_and(|s| s.takes_memory) && !buffer.handle;
        if data.is_none() || (buffer.handle != wants_handle && !memory_for_any) {
            return Err(if wants_handle { CallError::NotAHandle { param } } else { CallError::NotABuffer { param } });
        }
        if t.end() > buffer.len as u64 {
            return Err(CallError::OutOfBounds { param, offset: t.offset, len: t.len });
        }
        // C strings are read to their zero, but C takes buffers through
        // `char *` too: only Zig's sentinel pointers demand the zero.
        let demands_zero =
            top.map_or(r.place.is_some_and(|p| p.terminated && !p.c_string), |s| s.terminated && !s.c_string);
        if demands_zero && !ends_in_zero(data, t, r.elem_size) {
            return Err(CallError::Unterminated { param });
        }
    }
    Ok(())
}

/// Whether the last element of target `t` in the buffer at `data` is zero,
/// so that Zig's scan for the terminator stays inside the target.
fn ends_in_zero(data: Option<*mut u8>, t: &Target, elem_size: u64) -> bool {
    let Some(data) = data.filter(|d| !d.is_null()) else { return false };
    if t.len < elem_size {
        return false;
    }
    let at = (t.offset + t.len - elem_size) as usize;
    // SAFETY: `check_targets` just checked that the target lies inside the
    // buffer, and its last `elem_size` bytes are part of it.
    let last = unsafe { std::slice::from_raw_parts(data.add(at), elem_size as usize) };
    last.iter().all(|b| *b == 0)
}

/// Writes each slot's address (and length, and presence) into the frame,
/// and every place inside the targets (see `Descriptor::places`); `address(i)`
/// is where target `i` is during the call. Nothing is written unless every
/// place that cannot be null has a target.
fn write_slots(
    records: &[Record],
    targets: &[Target],
    slots: &[PointerSlot],
    places: &[Vec<Place>],
    buffers: &[BufferInfo],
    frame: *mut u8,
    address: impl Fn(usize) -> u64,
) -> Result<(), CallError> {
    // Most calls pass no target that holds pointers: nothing to fill.
    let holds = |r: &Record| places.get(r.pointee).is_some_and(|l| !l.is_empty());
    let fill_records: Small<PlaceRecord> = if !records.iter().any(holds) {
        Small::new()
    } else {
        records
            .iter()
            .zip(targets)
            .map(|(r, t)| PlaceRecord {
                parent: r.parent,
                element: r.element,
                place: r.slot,
                // Zig's own memory keeps Zig's pointers; an alias's places are its first's.
                walks: r.alias.is_none() && !buffers.get(r.arg).is_some_and(|b| b.zig),
                pointee: r.pointee,
                elem_size: r.elem_size,
                len: t.len,
            })
            .collect()
    };
    let missing = |e: MissingTarget| CallError::MissingTarget { param: records[e.record].param };
    for_each_fill(&fill_records, places, |_| {}).map_err(missing)?;
    for (index, slot) in slots.iter().enumerate() {
        let record = records.iter().position(|r| r.parent.is_none() && r.slot == index);
        if let Some(present_at) = slot.present_offset {
            // SAFETY: slot offsets come from the validated descriptor and
            // lie inside this function's frame.
            unsafe { transfer::write_flag(frame.add(present_at as usize), record.is_some()) };
        }
        let Some(t) = record else {
            if slot.nullable {
                // SAFETY: as above.
                unsafe { write_pointer(frame, slot.address_offset, slot.len_offset, 0, 0) };
            } else if slot.present_offset.is_none() {
                return Err(CallError::MissingTarget { param: slot.param });
            }
            continue;
        };
        let count = zig_length(targets[t].len, slot.elem_size, slot.terminated);
        // SAFETY: as above.
        unsafe { write_pointer(frame, slot.address_offset, slot.len_offset, address(t), count) };
    }
    for_each_fill(&fill_records, places, |fill| {
        let place = &places[records[fill.target].pointee][fill.place];
        let start = (address(fill.target) + fill.offset) as *mut u8;
        let (value, count) = match fill.child {
            Some(c) => (address(c), zig_length(targets[c].len, place.elem_size, place.terminated)),
            None => (0, 0),
        };
        // SAFETY: fills lie inside their target (element below its element
        // count, place inside the element, per the validated descriptor),
        // whose bytes are at `address(target)` for the call: its own memory
        // or its scratch copy, already filled.
        unsafe { write_pointer(start, place.address_offset, place.len_offset, value, count) };
    })
    .map_err(missing)
}

/// The length Zig's slice gets for a target `len` bytes long: its elements,
/// but the zero terminator of a `[:0]T` (which the target includes).
fn zig_length(len: u64, elem_size: u64, terminated: bool) -> u64 {
    let count = len.checked_div(elem_size).unwrap_or(0);
    if terminated {
        count.saturating_sub(1)
    } else {
        count
    }
}

/// Writes an address, and for a slice its element count, at `base`.
///
/// # Safety
/// `base + address_offset` (and `base + len_offset`) must be valid for
/// writing 8 bytes.
unsafe fn write_pointer(base: *mut u8, address_offset: u64, len_offset: Option<u64>, value: u64, count: u64) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        transfer::write_u64(base.add(address_offset as usize), value);
        if let Some(len_at) = len_offset {
            transfer::write_u64(base.add(len_at as usize), count);
        }
    }
}
