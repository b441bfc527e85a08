//! Where an address a function returned points: into one of the call's
//! ArrayBuffers (directly or through its scratch copy), into an ArrayBuffer
//! the host allocator made, or into memory Zig owns.
use napi::sys;
use zigport_marshal::descriptor::PointerSlot;

use super::{CallMemory, Prepared};
use crate::host_memory::Allocation;
use crate::transfer;

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
    /// An address of an opaque type, for a handle; `keep` is the ArrayBuffer
    /// the host allocator made that it lies in, if any.
    Handle {
        address: u64,
        keep: Option<sys::napi_value>,
    },
}

/// The address a result slot holds and the byte length JS views there, or
/// None for a null, an error, or an absent optional.
pub fn read_result_slot(slot: &PointerSlot, frame: *const u8) -> Option<(u64, u64)> {
    // SAFETY: slot offsets come from the validated descriptor and lie inside
    // this function's frame, which the thunk has just filled.
    let (present, address, count) = unsafe {
        let present = slot.present_offset.is_none_or(|at| transfer::read_flag(frame.add(at as usize)));
        let count = slot.len_offset.map_or(1, |at| transfer::read_u64(frame.add(at as usize)));
        (present, transfer::read_u64(frame.add(slot.address_offset as usize)), count)
    };
    let failed = slot.error_code.is_some_and(|(at, size)| {
        // SAFETY: as above; the code's size comes from the validated
        // descriptor's error_code_bits (at most 4 bytes).
        unsafe { transfer::read_uint(frame.add(at as usize), size) != 0 }
    });
    if !present || failed || address == 0 {
        return None;
    }
    // A many-item pointer's length is unknown: JS views one element, or,
    // for `[*:0]T`, the elements before the terminator.
    let count = if slot.terminated && slot.elem_size > 0 {
        // SAFETY: Zig returned a zero-terminated pointer, which it promises
        // ends in a zero element.
        unsafe { transfer::count_until_zero(address as *const u8, slot.elem_size) }
    } else {
        count
    };
    Some((address, count.checked_mul(slot.elem_size)?))
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
    let Some((address, len)) = read_result_slot(slot, frame) else {
        return ResultMemory::Null;
    };
    if slot.handle {
        let keep = allocations.iter().find(|a| inside(address, len, a.start, a.len)).map(|a| a.buffer);
        return ResultMemory::Handle { address, keep };
    }
    locate(memory, prepared, allocations, address, len)
}

/// Whether `len` bytes at `address` lie inside `size` bytes at `start`.
fn inside(address: u64, len: u64, start: u64, size: u64) -> bool {
    address >= start && address.checked_add(len).is_some_and(|end| end <= start.saturating_add(size))
}

/// Which memory `len` bytes at `address` (non-zero) are: an allocation of
/// this call, one of its arguments (in place or through a scratch copy), or
/// Zig's own.
pub fn locate(
    memory: &CallMemory,
    prepared: &Prepared,
    allocations: &[Allocation],
    address: u64,
    len: u64,
) -> ResultMemory {
    if let Some(a) = allocations.iter().find(|a| inside(address, len, a.start, a.len)) {
        return ResultMemory::Allocated { buffer: a.buffer, offset: address - a.base, len };
    }
    if let Prepared::Copied(call) = prepared {
        if let Some(found) = call.in_scratch(address, len) {
            return found;
        }
    }
    for (arg, buffer) in memory.buffers.iter().enumerate().filter(|(_, b)| !b.handle) {
        let Some(base) = buffer.data.map(|d| d as u64).filter(|b| *b != 0) else {
            continue;
        };
        if inside(address, len, base, buffer.len as u64) {
            return ResultMemory::Argument { arg: arg as u32, offset: address - base, len };
        }
    }
    ResultMemory::Zig { address, len }
}
