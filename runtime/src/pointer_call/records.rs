//! The records JS writes after a call's frame, one per pointer argument,
//! and the ArrayBuffers it passes: read, checked and turned into targets.
use std::ptr;

use napi::sys;
use zigport_marshal::descriptor::PointerSlot;
use zigport_marshal::plan::{BufferId, Target};

use super::Small;
use crate::env_state::EnvState;
use crate::error::CallError;
use crate::handles;

/// Most ArrayBuffers one call may pass.
const MAX_BUFFERS: usize = 32;
/// Most pointer records one call may have (a slice of slices has one per element).
const MAX_RECORDS: usize = 1 << 12;
/// Bytes per record: slot u32, buffer argument u32, byte offset f64, byte
/// length f64, parent record u32 (u32::MAX for none), element u32.
const RECORD_SIZE: usize = 32;

/// One pointer argument as JS described it: for a frame slot (`slot`), or
/// for element `element` of the slice-of-pointers target of record
/// `parent`.
#[derive(Clone, Copy)]
pub(super) struct Record {
    pub slot: usize,
    pub arg: usize,
    pub parent: Option<usize>,
    pub element: u64,
}

/// The shape of what a record points at, from its slot.
struct Geometry {
    param: usize,
    is_slice: bool,
    many: bool,
    elem_size: u64,
    elem_align: u64,
    writable: bool,
}

/// A memory argument: an ArrayBuffer's data and byte length, or a handle's
/// address (length 0, `handle` set); `data` is None for anything else.
#[derive(Clone, Copy)]
pub(super) struct BufferInfo {
    pub data: Option<*mut u8>,
    pub len: usize,
    pub handle: bool,
}

/// Reads the records JS wrote, and the target each describes. (Filled in
/// place: these lists are large enough that moving them shows in a call.)
pub(super) fn read_records(
    state: &EnvState,
    slots: &[PointerSlot],
    records: &mut Small<Record>,
    targets: &mut Small<Target>,
) -> Result<(), CallError> {
    let (count, offset) = state.arena.record_table();
    if count > MAX_RECORDS || offset % 8 != 0 {
        return Err(CallError::Records("bad count or table offset"));
    }
    let bytes = state.arena.bytes(offset, count * RECORD_SIZE).ok_or(CallError::Records("table outside the arena"))?;
    for chunk in bytes.chunks_exact(RECORD_SIZE) {
        let word = |i: usize| u32::from_le_bytes(chunk[i..i + 4].try_into().expect("4 bytes"));
        let float = |i: usize| f64::from_le_bytes(chunk[i..i + 8].try_into().expect("8 bytes"));
        let parent = Some(word(24) as usize).filter(|p| *p != u32::MAX as usize);
        let record = Record { slot: word(0) as usize, arg: word(4) as usize, parent, element: u64::from(word(28)) };
        let shape = geometry(slots, records, targets, &record)?;
        let (offset, given) = (as_u64(float(8))?, as_u64(float(16))?);
        // A slice or many-item pointer covers what JS gave; `*T` one element.
        let run = shape.is_slice || shape.many;
        let len = if run { given } else { shape.elem_size };
        if run && given % shape.elem_size != 0 {
            return Err(CallError::PartialElement { param: shape.param, len: given, elem_size: shape.elem_size });
        }
        if len > given || record.arg >= MAX_BUFFERS {
            return Err(CallError::OutOfBounds { param: shape.param, offset, len });
        }
        let buffer = BufferId(record.arg as u32);
        targets.push(Target { buffer, offset, len, align: shape.elem_align, writable: shape.writable });
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
        let slot = slots.get(record.slot).ok_or(CallError::Records("slot out of range"))?;
        if records.iter().any(|r| r.parent.is_none() && r.slot == record.slot) {
            return Err(CallError::Records("slot repeated"));
        }
        return Ok(Geometry {
            param: slot.param,
            is_slice: slot.len_offset.is_some(),
            many: slot.many,
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
    let element = slot.element.ok_or(CallError::Records("parent holds no pointers"))?;
    let previous = records.last().expect("the parent precedes this record");
    let expected = if previous.parent == Some(p) { previous.element + 1 } else { 0 };
    let in_order = (previous.parent == Some(p) || records.len() == p + 1) && record.element == expected;
    if !in_order || record.element >= targets[p].len / element.stride {
        return Err(CallError::Records("element out of order or out of range"));
    }
    Ok(Geometry {
        param: slot.param,
        is_slice: element.len_offset.is_some(),
        many: false,
        elem_size: element.elem_size,
        elem_align: element.elem_align,
        writable: element.writable,
    })
}

/// Every element of a slice of pointers must have been described: the
/// runtime writes every address Zig will read, so none is left to chance.
fn check_elements_complete(slots: &[PointerSlot], records: &[Record], targets: &[Target]) -> Result<(), CallError> {
    for (i, r) in records.iter().enumerate().filter(|(_, r)| r.parent.is_none()) {
        if let Some(element) = slots[r.slot].element {
            let described = records.iter().filter(|c| c.parent == Some(i)).count() as u64;
            if described != targets[i].len / element.stride {
                return Err(CallError::MissingTarget { param: slots[r.slot].param });
            }
        }
    }
    Ok(())
}

fn as_u64(x: f64) -> Result<u64, CallError> {
    let exact = x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_992.0;
    exact.then_some(x as u64).ok_or(CallError::Records("offset or length is not a whole number"))
}

/// Data and byte length of each argument.
pub(super) fn buffer_arguments(
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
fn arguments(env: sys::napi_env, info: sys::napi_callback_info, argv: &mut [sys::napi_value]) -> usize {
    let mut argc = argv.len();
    // SAFETY: `argv` holds `argc` slots; Node writes at most that many.
    unsafe { sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), ptr::null_mut()) };
    argc
}

fn arraybuffer(env: sys::napi_env, value: sys::napi_value) -> BufferInfo {
    let mut data = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: `value` is an argument of the current callback.
    let status = unsafe { sys::napi_get_arraybuffer_info(env, value, &mut data, &mut len) };
    if status != sys::Status::napi_ok {
        let address = handles::handle_address(env, value);
        return BufferInfo { data: address.map(|a| a as *mut u8), len: 0, handle: address.is_some() };
    }
    // A detached or empty buffer may have no data pointer at all; its
    // length of 0 makes every non-empty range out of bounds, and the
    // planner gives empty targets an address of their own.
    BufferInfo { data: Some(if data.is_null() { ptr::null_mut() } else { data.cast() }), len, handle: false }
}
