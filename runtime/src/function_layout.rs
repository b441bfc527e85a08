//! What the runtime keeps of each registered function's frame, read from
//! its descriptor once: where its pointers go, where its result's pointers
//! are, and whether it has the shape of the one-buffer fast path.
use std::sync::Arc;

use zigport_marshal::descriptor::{Place, PointerSlot};

/// The address slots of one function's frame: its pointer parameters, and
/// its result when that is a pointer or slice.
pub struct PointerLayout {
    /// The function's name, for the errors its calls throw.
    pub name: String,
    pub params: Vec<PointerSlot>,
    pub result: Option<PointerSlot>,
    /// Whether the function takes an allocator the host must supply.
    pub allocates: bool,
    /// The places of each of the module's types, by type index.
    pub places: Arc<Vec<Vec<Place>>>,
    /// Where the result holds pointers JS must learn about, if it does.
    pub result_places: Option<ResultPlaces>,
}

/// Where a result's own pointers are: in the target of its pointer (whose
/// elements are of type `pointee`), or in the result value itself, passed by
/// value at frame offset `offset` (a struct holding slices).
#[derive(Clone, Copy)]
pub enum ResultPlaces {
    InTarget,
    InFrame { offset: u64, size: u64, type_index: usize, gate: Gate },
}

/// What says whether a value in the frame is there at all: an optional's
/// presence flag, an error union's error code (at frame offset, of size).
#[derive(Clone, Copy)]
pub enum Gate {
    Always,
    Present(u64),
    NoError(u64, u64),
}

/// Where a fast function's one pointer goes in its frame.
#[derive(Clone, Copy)]
pub struct SingleBuffer {
    pub address_offset: usize,
    pub len_offset: Option<usize>,
    pub present_offset: Option<usize>,
    pub elem_size: usize,
    /// log2 of `elem_size` when it is a power of two: a division costs a
    /// quarter of this path's own time.
    pub size_shift: Option<u32>,
    /// `elem_align - 1` (alignments are powers of two).
    pub align_mask: usize,
    /// A slice takes whole elements; a single-item pointer exactly one.
    pub is_slice: bool,
}

impl SingleBuffer {
    /// The fast shape of `layout`, if it has it: one pointer parameter, not
    /// a handle, many-item or sentinel pointer, whose pointee holds no
    /// pointers, no pointer result and no allocator to supply.
    pub fn of(layout: &PointerLayout) -> Option<SingleBuffer> {
        let [slot] = layout.params.as_slice() else { return None };
        let plain = !slot.handle && !slot.many && !slot.terminated && !slot.c_string && slot.elem_size > 0;
        let holds_pointers = layout.places.get(slot.pointee).is_none_or(|p| !p.is_empty());
        if !plain || holds_pointers || layout.result.is_some() || layout.result_places.is_some() || layout.allocates {
            return None;
        }
        Some(SingleBuffer {
            address_offset: usize::try_from(slot.address_offset).ok()?,
            len_offset: slot.len_offset.map(usize::try_from).transpose().ok()?,
            present_offset: slot.present_offset.map(usize::try_from).transpose().ok()?,
            elem_size: usize::try_from(slot.elem_size).ok()?,
            size_shift: slot.elem_size.is_power_of_two().then(|| slot.elem_size.trailing_zeros()),
            align_mask: usize::try_from(slot.elem_align).ok()?.checked_next_power_of_two()? - 1,
            is_slice: slot.len_offset.is_some(),
        })
    }

    /// The element count Zig gets for `len` bytes, if they fit this slot.
    pub fn count(&self, len: usize) -> Option<usize> {
        if !self.is_slice {
            return (len == self.elem_size).then_some(1);
        }
        match self.size_shift {
            Some(shift) => (len & (self.elem_size - 1) == 0).then_some(len >> shift),
            None => len.is_multiple_of(self.elem_size).then_some(len / self.elem_size),
        }
    }
}
