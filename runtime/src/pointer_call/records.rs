//! The records JS writes after a call's frame, one per pointer argument,
//! and the ArrayBuffers it passes: read, checked and turned into targets.
use std::ptr;

use napi::sys;
use zigport_marshal::descriptor::{Place, PointerSlot};
use zigport_marshal::plan::{BufferId, Target};

use super::Small;
use crate::env_state::EnvState;
use crate::error::CallError;
use crate::handles;

/// Most ArrayBuffers one call may pass.
const MAX_BUFFERS: usize = 4096;
/// Most pointer records one call may have (a slice of slices has one per element).
const MAX_RECORDS: usize = 1 << 12;
/// Bytes per record: slot u32, buffer argument u32, byte offset f64, byte
/// length f64, parent record u32 (u32::MAX for none), element u32, alias
/// u32 (u32::MAX for none), 4 bytes unused.
pub(super) const RECORD_SIZE: usize = 40;
const NONE: usize = u32::MAX as usize;

/// One pointer as JS described it. A top-level record is for frame slot
/// `slot`; a child record for place `slot` of element `element` of the
/// target of record `parent` (see `Descriptor::places`). An alias record
/// names an earlier record with the same target, whose places that one's
/// children describe: a target is walked once however often it is reached.
#[derive(Clone, Copy)]
pub(super) struct Record {
    pub slot: usize,
    pub arg: usize,
    pub parent: Option<usize>,
    pub element: u64,
    pub alias: Option<usize>,
    /// The type the target holds, and the place a child record fills.
    pub pointee: usize,
    pub place: Option<Place>,
    pub param: usize,
    /// Bytes per element of the target (the pointee's size).
    pub elem_size: u64,
    /// (element, place) of the last child record, to keep children in order.
    last_child: Option<(u64, usize)>,
}

/// The shape of what a record points at, from its slot or place.
struct Geometry {
    param: usize,
    is_slice: bool,
    many: bool,
    elem_size: u64,
    elem_align: u64,
    writable: bool,
    pointee: usize,
    place: Option<Place>,
}

/// A memory argument: an ArrayBuffer's data and byte length, or a handle's
/// address (length 0, `handle` set); `data` is None for anything else.
#[derive(Clone, Copy)]
pub(super) struct BufferInfo {
    pub data: Option<*mut u8>,
    pub len: usize,
    pub handle: bool,
    /// Zig's own memory (a `pub var`, what a returned pointer led to): the
    /// pointers inside it are Zig's, never rewritten for a call. Only asked
    /// (`mark_zig_memory`) when some target holds pointers.
    pub zig: bool,
    pub value: sys::napi_value,
}

/// Reads the records JS wrote, and the target each describes. (Filled in
/// place: these lists are large enough that moving them shows in a call.)
pub(super) fn read_records(
    state: &EnvState,
    slots: &[PointerSlot],
    places: &[Vec<Place>],
    records: &mut Small<Record>,
    targets: &mut Small<Target>,
) -> Result<(), CallError> {
    let (count, offset) = state.arena.record_table();
    if count > MAX_RECORDS || offset % 8 != 0 {
        return Err(CallError::Records("bad count or table offset"));
    }
    let bytes = state.arena.bytes(offset, count * RECORD_SIZE).ok_or(CallError::Records("table outside the arena"))?;
    for chunk in bytes.chunks_exact(RECORD_SIZE) {
        let word = |i: usize| u32::from_le_bytes(chunk[i..i + 4].try_into().expect("4 bytes")) as usize;
        let float = |i: usize| f64::from_le_bytes(chunk[i..i + 8].try_into().expect("8 bytes"));
        let parent = Some(word(24)).filter(|p| *p != NONE);
        let alias = Some(word(32)).filter(|a| *a != NONE);
        let mut record = Record {
            slot: word(0),
            arg: word(4),
            parent,
            element: word(28) as u64,
            alias,
            pointee: 0,
            place: None,
            param: 0,
            elem_size: 0,
            last_child: None,
        };
        let shape = geometry(slots, places, records, targets, &record)?;
        let (offset, given) = (as_u64(float(8))?, as_u64(float(16))?);
        // A slice or many-item pointer covers what JS gave; `*T` one element.
        let run = shape.is_slice || shape.many;
        let len = if run { given } else { shape.elem_size };
        if run && shape.elem_size > 0 && given % shape.elem_size != 0 {
            return Err(CallError::PartialElement { param: shape.param, len: given, elem_size: shape.elem_size });
        }
        if len > given || record.arg >= MAX_BUFFERS {
            return Err(CallError::OutOfBounds { param: shape.param, offset, len });
        }
        let buffer = BufferId(record.arg as u32);
        let target = Target { buffer, offset, len, align: shape.elem_align, writable: shape.writable };
        if let Some(a) = alias {
            let same = records.get(a).is_some_and(|r| r.alias.is_none() && r.pointee == shape.pointee);
            let t = &targets[a];
            // Reached once as const and once as writable is still one target.
            if !same || (t.buffer, t.offset, t.len) != (target.buffer, target.offset, target.len) {
                return Err(CallError::Records("an alias names a different target"));
            }
        }
        (record.pointee, record.place, record.param, record.elem_size) =
            (shape.pointee, shape.place, shape.param, shape.elem_size);
        if let Some(p) = parent {
            records[p].last_child = Some((record.element, record.slot));
        }
        targets.push(target);
        records.push(record);
    }
    Ok(())
}

/// The geometry of `record`'s slot or place, after checking that it exists
/// and that no earlier record claimed the same one. Children of one parent
/// come in increasing (element, place) order, which keeps this linear.
fn geometry(
    slots: &[PointerSlot],
    places: &[Vec<Place>],
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
            pointee: slot.pointee,
            place: None,
        });
    };
    let parent = records.get(p).filter(|r| r.alias.is_none()).ok_or(CallError::Records("bad parent record"))?;
    let place = *places
        .get(parent.pointee)
        .and_then(|list| list.get(record.slot))
        .ok_or(CallError::Records("place out of range"))?;
    let stride = parent.elem_size;
    let in_order = parent.last_child.is_none_or(|last| (record.element, record.slot) > last);
    if !in_order || stride == 0 || record.element >= targets[p].len / stride {
        return Err(CallError::Records("element out of order or out of range"));
    }
    Ok(Geometry {
        param: parent.param,
        is_slice: place.len_offset.is_some(),
        many: place.many,
        elem_size: place.elem_size,
        elem_align: place.elem_align,
        writable: place.writable,
        pointee: place.pointee,
        place: Some(place),
    })
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
    // Node fills every slot it is given, so ask for few first; a call that
    // passes more (a tree of nodes, each its own buffer) asks again.
    let mut first = [ptr::null_mut(); 4];
    let argc = arguments(env, info, &mut first);
    if argc <= first.len() {
        out.extend(first[..argc].iter().map(|&value| arraybuffer(env, value)));
        return Ok(());
    }
    if argc > MAX_BUFFERS {
        return Err(CallError::Records("too many buffers"));
    }
    let mut argv = vec![ptr::null_mut(); argc];
    let argc = arguments(env, info, &mut argv);
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
        return BufferInfo {
            data: address.map(|a| a as *mut u8),
            len: 0,
            handle: address.is_some(),
            zig: false,
            value,
        };
    }
    // A detached or empty buffer may have no data pointer at all; its
    // length of 0 makes every non-empty range out of bounds, and the
    // planner gives empty targets an address of their own.
    BufferInfo {
        data: Some(if data.is_null() { ptr::null_mut() } else { data.cast() }),
        len,
        handle: false,
        zig: false,
        value,
    }
}

/// Finds which buffers are Zig's own memory (a type-tag check per buffer,
/// so only made for calls whose targets hold pointers).
pub(super) fn mark_zig_memory(env: sys::napi_env, buffers: &mut [BufferInfo]) {
    for b in buffers.iter_mut().filter(|b| !b.handle && b.data.is_some()) {
        b.zig = crate::zig_views::is_zig_memory(env, b.value);
    }
}
