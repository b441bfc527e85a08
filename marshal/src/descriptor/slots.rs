//! Where a function's frame holds addresses: one [`PointerSlot`] per pointer
//! or slice parameter (also inside an optional), and one per place of a
//! parameter passed by value (a struct holding slices; see `places`). The
//! runtime writes every address and slice length itself, from buffers it
//! has bounds-checked, so a frame never carries an address that JS chose.
use super::model::{Descriptor, Function, TypeKind};
use super::places::Place;

/// A place in a call frame that receives an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PointerSlot {
    /// Index of the parameter it belongs to.
    pub param: usize,
    /// Frame offset of the address.
    pub address_offset: u64,
    /// Frame offset of the element count, for slices.
    pub len_offset: Option<u64>,
    /// Frame offset of the presence flag, for optional pointers.
    pub present_offset: Option<u64>,
    /// Size and alignment of what it points at.
    pub elem_size: u64,
    pub elem_align: u64,
    /// Whether Zig may write through it.
    pub writable: bool,
    /// `[*]T`/`[*c]T`: the target is a run of elements, but no length is
    /// written; `nullable` (`[*c]T`) lets JS pass null; `terminated`
    /// (`[*:0]T`, `[:0]T`) requires the run's last element to be zero, which
    /// a slice's length leaves out.
    pub many: bool,
    pub nullable: bool,
    pub terminated: bool,
    /// `[*c]u8`, `[*c]i8`: a result is read up to its zero (`terminated`
    /// is set too), but what JS passes need not end in one.
    pub c_string: bool,
    /// `*Opaque`/`*anyopaque`: JS passes a handle the runtime made for an
    /// address Zig returned; a result becomes such a handle.
    pub handle: bool,
    /// `*anyopaque` (C's `void *`) also takes memory, as a run of bytes:
    /// C functions such as `qsort` and `memcpy` take buffers through it.
    pub takes_memory: bool,
    /// The type it points at; its places are those of each target element.
    pub pointee: usize,
    /// For a result inside an error union: the error code's frame offset and
    /// byte size (the address means nothing when the code is not zero).
    pub error_code: Option<(u64, u64)>,
}

impl Descriptor {
    /// The pointer slots of `f`, in parameter order. `f` must belong to this
    /// (validated) descriptor.
    pub fn pointer_slots(&self, f: &Function) -> Vec<PointerSlot> {
        let mut slots = Vec::new();
        for (param, p) in f.params.iter().enumerate() {
            match self.slot_at(param, p) {
                Some(slot) => slots.push(slot),
                None => {
                    slots.extend(self.places(p.type_index).into_iter().map(|place| by_value(param, p.offset, place)))
                }
            }
        }
        if let Some(v) = &f.variadic {
            slots.extend((0..u64::from(v.max)).map(|j| variadic_extra(f.params.len(), v, j)));
        }
        slots
    }

    /// Whether `f` takes a `std.mem.Allocator` the host must supply.
    pub fn allocates(&self, f: &Function) -> bool {
        f.params.iter().any(|p| matches!(self.types[p.type_index].kind, TypeKind::Allocator { .. }))
    }

    /// Where `f`'s result holds an address, if it is a pointer or slice
    /// (possibly optional). `param` in the slot is the parameter count.
    pub fn result_slot(&self, f: &Function) -> Option<PointerSlot> {
        self.slot_at(f.params.len(), &f.ret)
    }

    fn slot_at(&self, param: usize, p: &super::Member) -> Option<PointerSlot> {
        let code_size = u64::from(self.error_code_bits.div_ceil(8));
        let (p, error_code) = match self.types[p.type_index].kind {
            TypeKind::ErrorUnion { payload, value_offset, code_offset, .. } => (
                &super::Member { type_index: payload, offset: p.offset + value_offset },
                Some((p.offset + code_offset, code_size)),
            ),
            _ => (p, None),
        };
        let (type_index, present_offset) = match self.types[p.type_index].kind {
            TypeKind::Optional { child, value_offset, present_offset, .. } => {
                (child, Some((value_offset, p.offset + present_offset)))
            }
            _ => (p.type_index, None),
        };
        let base = p.offset + present_offset.map_or(0, |(value_offset, _)| value_offset);
        let present_offset = present_offset.map(|(_, flag)| flag);
        let (child, is_const, address_offset, len_offset) = match self.types[type_index].kind {
            TypeKind::Slice { child, is_const, ptr_offset, len_offset, .. } => {
                (child, is_const, base + ptr_offset, Some(base + len_offset))
            }
            TypeKind::Pointer { child, is_const, .. } => (child, is_const, base, None),
            _ => return None,
        };
        let (many, nullable, terminated, c_string) = match self.types[type_index].kind {
            TypeKind::Pointer { many, nullable, terminated, c_string, .. } => {
                (many, nullable, terminated || c_string, c_string)
            }
            TypeKind::Slice { nullable, terminated, .. } => (false, nullable, terminated, false),
            _ => (false, false, false, false),
        };
        let elem = &self.types[child];
        let handle = elem.kind == TypeKind::Opaque;
        let takes_memory = handle && elem.name == "anyopaque";
        Some(PointerSlot {
            handle,
            takes_memory,
            many: many || takes_memory,
            nullable,
            terminated,
            c_string,
            param,
            address_offset,
            len_offset,
            present_offset,
            elem_size: if takes_memory { 1 } else { elem.size },
            elem_align: elem.align.max(1),
            writable: !is_const,
            pointee: child,
            error_code,
        })
    }
}

/// The frame slot of variadic extra `j`, after the `fixed` parameters,
/// which receives the address when JS passes a pointer there. C is told
/// nothing of what it points at, so the target is bytes C may write, with
/// no places inside (`pointee` names no type; JS passes no pointer to
/// pointers there).
fn variadic_extra(fixed: usize, v: &super::model::Variadic, j: u64) -> PointerSlot {
    PointerSlot {
        param: fixed + j as usize,
        address_offset: v.extras_offset + j * v.stride + v.address,
        len_offset: None,
        present_offset: None,
        elem_size: 1,
        elem_align: 1,
        writable: true,
        many: true,
        nullable: true,
        terminated: false,
        c_string: false,
        handle: false,
        takes_memory: false,
        pointee: usize::MAX,
        error_code: None,
    }
}

/// The frame slot of `place` inside parameter `param` passed by value at
/// frame offset `offset`.
fn by_value(param: usize, offset: u64, place: Place) -> PointerSlot {
    PointerSlot {
        param,
        address_offset: offset + place.address_offset,
        len_offset: place.len_offset.map(|l| offset + l),
        present_offset: None,
        elem_size: place.elem_size,
        elem_align: place.elem_align,
        writable: place.writable,
        many: place.many,
        nullable: place.nullable,
        terminated: place.terminated,
        c_string: place.c_string,
        handle: false,
        takes_memory: false,
        pointee: place.pointee,
        error_code: None,
    }
}
