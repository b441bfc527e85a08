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
use std::ptr;

use napi::sys;
use smallvec::SmallVec;
use zigport_marshal::descriptor::PointerSlot;
use zigport_marshal::plan::{
    plan_call, BufferId, CallPlan, Placement, PlanError, ScratchLayout, Target,
};

use crate::env_state::EnvState;
use crate::error::CallError;
use crate::host_memory::Allocation;
use crate::transfer::{self, ScratchBlock};

/// Most ArrayBuffers one call may pass.
const MAX_BUFFERS: usize = 32;
/// Most pointer records one call may have (a slice of slices has one per element).
const MAX_RECORDS: usize = 1 << 12;
/// Bytes per record: slot u32, buffer argument u32, byte offset f64, byte
/// length f64, parent record u32 (u32::MAX for none), element u32.
const RECORD_SIZE: usize = 32;

/// Inline capacity of the per-call lists: calls rarely have more pointers.
type Small<T> = SmallVec<[T; 4]>;

/// One pointer argument as JS described it: for a frame slot (`slot`), or
/// for element `element` of the slice-of-pointers target of record
/// `parent`.
#[derive(Clone, Copy)]
struct Record {
    slot: usize,
    arg: usize,
    parent: Option<usize>,
    element: u64,
}

/// The shape of what a record points at, from its slot.
struct Geometry {
    param: usize,
    is_slice: bool,
    elem_size: u64,
    elem_align: u64,
    writable: bool,
}

/// An ArrayBuffer argument: its data (None if the value was not an
/// ArrayBuffer) and byte length.
type BufferInfo = (Option<*mut u8>, usize);

/// The per-call lists, owned by the invoker's stack frame (moving them
/// around showed in the cost of a call).
#[derive(Default)]
pub struct CallMemory {
    records: Small<Record>,
    targets: Small<Target>,
    buffers: Small<BufferInfo>,
}

/// Where an address a function returned points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultMemory {
    Null,
    /// Inside ArrayBuffer argument `arg` (in place or, via its scratch copy,
    /// at the corresponding position).
    Argument {
        arg: u32,
        offset: u64,
        len: u64,
    },
    /// Inside an ArrayBuffer the host allocator made during the call.
    Allocated {
        buffer: sys::napi_value,
        offset: u64,
        len: u64,
    },
    /// Anywhere else: memory Zig owns.
    Zig {
        address: u64,
        len: u64,
    },
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
    _scratch: Option<ScratchBlock>,
    layout: ScratchLayout,
}

/// Reads the records, checks them, decides placement and writes the frame's
/// address slots. `frame` must be the frame of the function with `slots`.
pub fn prepare(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    state: &EnvState,
    slots: &[PointerSlot],
    frame: *mut u8,
    memory: &mut CallMemory,
) -> Result<Prepared, CallError> {
    let CallMemory {
        records,
        targets,
        buffers,
    } = memory;
    read_records(state, slots, records, targets)?;
    buffer_arguments(env, info, buffers)?;
    let (records, targets, buffers) = (&*records, &*targets, &*buffers);
    check_targets(records, targets, slots, buffers)?;
    let base = |t: &Target| buffers[t.buffer.0 as usize].0.map_or(0, |d| d as u64);
    if targets
        .iter()
        .all(|t| base(t) != 0 && t.is_aligned_at(base(t) + t.offset))
    {
        write_slots(records, targets, slots, frame, |i| {
            base(&targets[i]) + targets[i].offset
        })?;
        return Ok(Prepared::InPlace);
    }
    let addresses: Small<*mut u8> = buffers
        .iter()
        .map(|(d, _)| d.unwrap_or(ptr::null_mut()))
        .collect();
    let plan = plan_call(targets, |b| addresses[b.0 as usize] as u64).map_err(|e| match e {
        PlanError::Alignment(conflict) => CallError::Alignment(conflict),
        other => CallError::Plan(other.to_string()),
    })?;
    let needed = ScratchLayout::upper_bound(&plan);
    let mut scratch = (needed > 0).then(|| ScratchBlock::new(needed));
    let start = scratch.as_mut().map_or(0, |block| block.base() as u64);
    let layout = ScratchLayout::new(&plan, start).map_err(|e| CallError::Plan(e.to_string()))?;
    let call = CopiedCall {
        plan,
        buffers: addresses,
        _scratch: scratch,
        layout,
    };
    call.copy_in();
    write_slots(records, targets, slots, frame, |i| {
        call.layout.target_address(&call.plan, i)
    })?;
    Ok(Prepared::Copied(Box::new(call)))
}

/// Where the address in result slot `slot` of `frame` points, after a call
/// prepared as `prepared` with `memory`.
pub fn resolve_result(
    memory: &CallMemory,
    prepared: &Prepared,
    allocations: &[Allocation],
    slot: &PointerSlot,
    frame: *const u8,
) -> ResultMemory {
    // SAFETY: slot offsets come from the validated descriptor and lie inside
    // this function's frame, which the thunk has just filled.
    let (present, address, count) = unsafe {
        let present = slot
            .present_offset
            .is_none_or(|at| transfer::read_flag(frame.add(at as usize)));
        let count = slot
            .len_offset
            .map_or(1, |at| transfer::read_u64(frame.add(at as usize)));
        (
            present,
            transfer::read_u64(frame.add(slot.address_offset as usize)),
            count,
        )
    };
    let failed = slot.error_code.is_some_and(|(at, size)| {
        // SAFETY: as above; the code's size comes from the validated
        // descriptor's error_code_bits (at most 4 bytes).
        unsafe { transfer::read_uint(frame.add(at as usize), size) != 0 }
    });
    let Some(len) = count
        .checked_mul(slot.elem_size)
        .filter(|_| present && !failed && address != 0)
    else {
        return ResultMemory::Null;
    };
    let inside = |start: u64, size: u64| {
        address >= start
            && address
                .checked_add(len)
                .is_some_and(|end| end <= start + size)
    };
    if let Some(a) = allocations.iter().find(|a| inside(a.start, a.len)) {
        return ResultMemory::Allocated {
            buffer: a.buffer,
            offset: address - a.base,
            len,
        };
    }
    if let Prepared::Copied(call) = prepared {
        if let Some(found) = call.in_scratch(address, len) {
            return found;
        }
    }
    for (arg, (data, byte_len)) in memory.buffers.iter().enumerate() {
        let Some(base) = data.map(|d| d as u64).filter(|b| *b != 0) else {
            continue;
        };
        if address >= base
            && address
                .checked_add(len)
                .is_some_and(|end| end <= base + *byte_len as u64)
        {
            return ResultMemory::Argument {
                arg: arg as u32,
                offset: address - base,
                len,
            };
        }
    }
    ResultMemory::Zig { address, len }
}

impl Prepared {
    /// Copies writable clusters that were moved back into their buffers.
    pub fn finish(self) {
        if let Prepared::Copied(call) = self {
            call.copy_back();
        }
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
                    transfer::copy(
                        self.cluster_source(i),
                        self.layout.cluster_address(i) as *mut u8,
                        len as usize,
                    )
                };
            }
        }
    }

    fn copy_back(&self) {
        for (i, planned) in self.plan.clusters.iter().enumerate() {
            if let Placement::Copy {
                len,
                copy_back: true,
                ..
            } = planned.placement
            {
                // SAFETY: as in `copy_in`, in the other direction.
                unsafe {
                    transfer::copy(
                        self.layout.cluster_address(i) as *const u8,
                        self.cluster_source(i),
                        len as usize,
                    )
                };
            }
        }
    }

    /// The argument position of `len` bytes at `address` inside a scratch copy.
    fn in_scratch(&self, address: u64, len: u64) -> Option<ResultMemory> {
        self.plan
            .clusters
            .iter()
            .enumerate()
            .find_map(|(i, planned)| {
                let Placement::Copy { len: size, .. } = planned.placement else {
                    return None;
                };
                let start = self.layout.cluster_address(i);
                let inside = address >= start
                    && address
                        .checked_add(len)
                        .is_some_and(|end| end <= start + size);
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
        let slot = &slots[r.slot];
        let (data, byte_len) = *buffers
            .get(r.arg)
            .ok_or(CallError::Records("buffer argument missing"))?;
        data.ok_or(CallError::NotABuffer { param: slot.param })?;
        if t.end() > byte_len as u64 {
            return Err(CallError::OutOfBounds {
                param: slot.param,
                offset: t.offset,
                len: t.len,
            });
        }
    }
    Ok(())
}

/// Writes each slot's address (and length, and presence) into the frame,
/// and each element address into its slice-of-pointers target; `address(i)`
/// is where target `i` is during the call.
fn write_slots(
    records: &[Record],
    targets: &[Target],
    slots: &[PointerSlot],
    frame: *mut u8,
    address: impl Fn(usize) -> u64,
) -> Result<(), CallError> {
    for (index, slot) in slots.iter().enumerate() {
        let record = records
            .iter()
            .position(|r| r.parent.is_none() && r.slot == index);
        if let Some(present_at) = slot.present_offset {
            // SAFETY: slot offsets come from the validated descriptor and
            // lie inside this function's frame.
            unsafe { transfer::write_flag(frame.add(present_at as usize), record.is_some()) };
        }
        let Some(t) = record else {
            if slot.present_offset.is_none() {
                return Err(CallError::MissingTarget { param: slot.param });
            }
            continue;
        };
        // SAFETY: as above.
        unsafe { transfer::write_u64(frame.add(slot.address_offset as usize), address(t)) };
        if let Some(len_at) = slot.len_offset {
            // SAFETY: as above.
            unsafe {
                transfer::write_u64(frame.add(len_at as usize), targets[t].len / slot.elem_size)
            };
        }
    }
    for (i, r) in records.iter().enumerate() {
        let Some(p) = r.parent else { continue };
        let element = slots[records[p].slot]
            .element
            .expect("checked in geometry()");
        let at = (address(p) + r.element * element.stride) as *mut u8;
        // SAFETY: `geometry` checked that element `r.element` lies inside
        // target `p`, whose bytes are at `address(p)` for the call (its own
        // memory or its scratch copy, already filled).
        unsafe {
            transfer::write_u64(at.add(element.address_offset as usize), address(i));
            if let Some(len_at) = element.len_offset {
                transfer::write_u64(at.add(len_at as usize), targets[i].len / element.elem_size);
            }
        }
    }
    Ok(())
}

/// Reads the records JS wrote, and the target each describes. (Filled in
/// place: these lists are large enough that moving them shows in a call.)
fn read_records(
    state: &EnvState,
    slots: &[PointerSlot],
    records: &mut Small<Record>,
    targets: &mut Small<Target>,
) -> Result<(), CallError> {
    let (count, offset) = state.arena.record_table();
    if count > MAX_RECORDS || offset % 8 != 0 {
        return Err(CallError::Records("bad count or table offset"));
    }
    let bytes = state
        .arena
        .bytes(offset, count * RECORD_SIZE)
        .ok_or(CallError::Records("table outside the arena"))?;
    for chunk in bytes.chunks_exact(RECORD_SIZE) {
        let word = |i: usize| u32::from_le_bytes(chunk[i..i + 4].try_into().expect("4 bytes"));
        let float = |i: usize| f64::from_le_bytes(chunk[i..i + 8].try_into().expect("8 bytes"));
        let parent = Some(word(24) as usize).filter(|p| *p != u32::MAX as usize);
        let record = Record {
            slot: word(0) as usize,
            arg: word(4) as usize,
            parent,
            element: u64::from(word(28)),
        };
        let shape = geometry(slots, records, targets, &record)?;
        let (offset, given) = (as_u64(float(8))?, as_u64(float(16))?);
        let len = if shape.is_slice {
            given
        } else {
            shape.elem_size
        };
        if shape.is_slice && given % shape.elem_size != 0 {
            return Err(CallError::PartialElement {
                param: shape.param,
                len: given,
                elem_size: shape.elem_size,
            });
        }
        if len > given || record.arg >= MAX_BUFFERS {
            return Err(CallError::OutOfBounds {
                param: shape.param,
                offset,
                len,
            });
        }
        let buffer = BufferId(record.arg as u32);
        targets.push(Target {
            buffer,
            offset,
            len,
            align: shape.elem_align,
            writable: shape.writable,
        });
        records.push(record);
    }
    check_elements_complete(slots, records, targets)
}

/// The geometry of `record`'s slot, after checking that the slot exists and
/// that no earlier record claimed the same place. Element records follow
/// their parent in element order, which keeps this check linear.
fn geometry(
    slots: &[PointerSlot],
    records: &[Record],
    targets: &[Target],
    record: &Record,
) -> Result<Geometry, CallError> {
    let Some(p) = record.parent else {
        let slot = slots
            .get(record.slot)
            .ok_or(CallError::Records("slot out of range"))?;
        if records
            .iter()
            .any(|r| r.parent.is_none() && r.slot == record.slot)
        {
            return Err(CallError::Records("slot repeated"));
        }
        return Ok(Geometry {
            param: slot.param,
            is_slice: slot.len_offset.is_some(),
            elem_size: slot.elem_size,
            elem_align: slot.elem_align,
            writable: slot.writable,
        });
    };
    let parent = records
        .get(p)
        .filter(|r| r.parent.is_none() && r.slot == record.slot)
        .ok_or(CallError::Records("bad parent record"))?;
    let slot = &slots[parent.slot];
    let element = slot
        .element
        .ok_or(CallError::Records("parent holds no pointers"))?;
    let previous = records.last().expect("the parent precedes this record");
    let expected = if previous.parent == Some(p) {
        previous.element + 1
    } else {
        0
    };
    let in_order =
        (previous.parent == Some(p) || records.len() == p + 1) && record.element == expected;
    if !in_order || record.element >= targets[p].len / element.stride {
        return Err(CallError::Records("element out of order or out of range"));
    }
    Ok(Geometry {
        param: slot.param,
        is_slice: element.len_offset.is_some(),
        elem_size: element.elem_size,
        elem_align: element.elem_align,
        writable: element.writable,
    })
}

/// Every element of a slice of pointers must have been described: the
/// runtime writes every address Zig will read, so none is left to chance.
fn check_elements_complete(
    slots: &[PointerSlot],
    records: &[Record],
    targets: &[Target],
) -> Result<(), CallError> {
    for (i, r) in records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.parent.is_none())
    {
        if let Some(element) = slots[r.slot].element {
            let described = records.iter().filter(|c| c.parent == Some(i)).count() as u64;
            if described != targets[i].len / element.stride {
                return Err(CallError::MissingTarget {
                    param: slots[r.slot].param,
                });
            }
        }
    }
    Ok(())
}

fn as_u64(x: f64) -> Result<u64, CallError> {
    let exact = x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_992.0;
    exact
        .then_some(x as u64)
        .ok_or(CallError::Records("offset or length is not a whole number"))
}

/// Data and byte length of each argument.
fn buffer_arguments(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    out: &mut Small<BufferInfo>,
) -> Result<(), CallError> {
    let mut argv = [ptr::null_mut(); MAX_BUFFERS];
    // Node fills every slot it is given, so ask for few first.
    let mut argc = arguments(env, info, &mut argv[..4]);
    if argc > 4 {
        if argc > MAX_BUFFERS {
            return Err(CallError::Records("too many buffers"));
        }
        argc = arguments(env, info, &mut argv);
    }
    out.extend(argv[..argc].iter().map(|&value| arraybuffer(env, value)));
    Ok(())
}

/// Fills `argv` with the call's first arguments; returns how many it has.
fn arguments(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    argv: &mut [sys::napi_value],
) -> usize {
    let mut argc = argv.len();
    // SAFETY: `argv` holds `argc` slots; Node writes at most that many.
    unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            ptr::null_mut(),
            ptr::null_mut(),
        )
    };
    argc
}

fn arraybuffer(env: sys::napi_env, value: sys::napi_value) -> BufferInfo {
    let mut data = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: `value` is an argument of the current callback.
    let status = unsafe { sys::napi_get_arraybuffer_info(env, value, &mut data, &mut len) };
    if status != sys::Status::napi_ok {
        return (None, 0);
    }
    // A detached or empty buffer may have no data pointer at all; its
    // length of 0 makes every non-empty range out of bounds, and the
    // planner gives empty targets an address of their own.
    (
        Some(if data.is_null() {
            ptr::null_mut()
        } else {
            data.cast()
        }),
        len,
    )
}
