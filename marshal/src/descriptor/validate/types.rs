//! Checks on each type of the table, by kind: sizes, alignments, and that
//! every member lies inside its type (children strictly smaller, so walking
//! the table always ends).
use super::super::model::{ErrorMember, Field, FunctionRole, StructLayout, Type, TypeKind};
use super::super::Descriptor;
use super::values::check_value;
use super::{comptime_only, expect, followable, in_memory, is_integer_text, nested, span, within, Problem, MAX_EXTENT};

pub(super) fn check_type(d: &Descriptor, index: usize, t: &Type) -> Problem {
    if !t.align.is_power_of_two() || t.align > 1 << 16 {
        return Err(format!("alignment {} is not a power of two up to 65536", t.align));
    }
    if t.size > MAX_EXTENT {
        return Err(format!("size {} is implausibly large", t.size));
    }
    if !t.size.is_multiple_of(t.align) {
        return Err(format!("size {} is not a multiple of alignment {}", t.size, t.align));
    }
    match &t.kind {
        TypeKind::Bool => expect(t.size == 1, "a bool must be 1 byte"),
        TypeKind::Void | TypeKind::Opaque => expect(t.size == 0, "a value without storage must have size 0"),
        TypeKind::Int { bits, .. } => {
            expect(*bits <= 65535, "integers are at most 65535 bits")?;
            expect(u64::from(*bits) <= t.size * 8, "integer bits exceed its size")
        }
        TypeKind::Float { bits } => {
            expect(matches!(bits, 16 | 32 | 64 | 80 | 128), "floats are 16, 32, 64, 80 or 128 bits")?;
            expect(u64::from(*bits) <= t.size * 8, "float bits exceed its size")
        }
        TypeKind::Optional { child, value_offset, present_offset, .. } => {
            check_optional(d, index, t, *child, *value_offset, *present_offset)
        }
        TypeKind::ErrorUnion { payload, error_set, value_offset, code_offset, .. } => {
            check_error_union(d, index, t, (*payload, *error_set), (*value_offset, *code_offset))
        }
        TypeKind::ErrorSet { errors, .. } => check_error_set(d, t, errors.as_deref()),
        TypeKind::Slice { child, ptr_offset, len_offset, .. } => {
            pointee(d, index, *child)?;
            check_slice(t, *ptr_offset, *len_offset, d.pointer_size)
        }
        TypeKind::Pointer { child, many, .. } => {
            let handle = nested(d, index, *child)?.kind == TypeKind::Opaque;
            // A handle is a single-item pointer: nothing lies past its address.
            if !handle || *many {
                pointee(d, index, *child)?;
            }
            let word = d.pointer_size;
            expect(
                t.size == word && t.align == word,
                "a pointer must be one address wide (the descriptor's pointer_size)",
            )
        }
        TypeKind::FunctionPointer { caller, .. } => {
            let word = d.pointer_size;
            expect(t.size == word && t.align == word, "a function pointer must be one address wide")?;
            expect(
                caller.is_none_or(|c| d.functions.get(c).is_some_and(|f| f.role == Some(FunctionRole::Caller))),
                "a function pointer's caller must be a caller function",
            )
        }
        TypeKind::Allocator { ptr_offset, vtable_offset } => {
            let word = d.pointer_size;
            expect(t.size == 2 * word && t.align == word, "an allocator must be two addresses wide")?;
            within(t, span(*ptr_offset, word)?, word)?;
            within(t, span(*vtable_offset, word)?, word)?;
            expect(ptr_offset.abs_diff(*vtable_offset) >= word, "an allocator's two addresses overlap")
        }
        TypeKind::Array { child, len, bit_packed: true, .. } => check_bit_vector(d, index, t, *child, *len),
        TypeKind::Array { child, len, sentinel, .. } => check_array(d, index, t, *child, *len, sentinel.is_some()),
        TypeKind::Enum { tag, members, .. } => {
            let tag = nested(d, index, *tag)?;
            expect(
                matches!(tag.kind, TypeKind::Int { .. }) && tag.size == t.size,
                "enum tag must be an integer of its size",
            )?;
            expect(members.iter().all(|m| is_integer_text(&m.value)), "enum values must be integers")
        }
        TypeKind::Struct { layout, fields, union, tag, selector, .. } => {
            if let Some(selector) = selector {
                expect(*union && tag.is_none(), "only a bare union has a selector")?;
                expect(matches!(selector.size, 1 | 2 | 4), "a selector is 1, 2 or 4 bytes")?;
                expect(selector.offset <= MAX_EXTENT, "offset is implausibly large")?;
                within(t, selector.offset..selector.offset + selector.size, 1)?;
                let clear = |f: &Field| {
                    let size = d.types.get(f.type_index).map_or(0, |ft| ft.size);
                    f.offset >= selector.offset + selector.size || f.offset + size <= selector.offset
                };
                expect(fields.iter().all(clear), "the selector overlaps a field")?;
            }
            if let Some(tag) = tag {
                let tag_type = nested(d, index, tag.type_index)?;
                expect(matches!(tag_type.kind, TypeKind::Enum { .. }), "a union tag must be an enum")?;
                expect(tag.offset <= MAX_EXTENT, "offset is implausibly large")?;
                within(t, tag.offset..tag.offset + tag_type.size, tag_type.align)?;
            }
            fields.iter().try_for_each(|f| {
                let void = *union && nested(d, index, f.type_index).is_ok_and(|ft| ft.kind == TypeKind::Void);
                if void {
                    return Ok(());
                }
                check_field(d, index, t, *layout, f).map_err(|e| format!("field {}: {e}", f.name))
            })
        }
        TypeKind::Unsupported => Ok(()),
        // The rest are comptime-only: read from JSON, with no storage.
        kind => {
            expect(comptime_only(kind), "this kind of type has no checks")?;
            comptime_children(kind).try_for_each(|child| nested(d, index, child).map(|_| ()))?;
            expect(t.size == 0, "a comptime-only value has no storage")
        }
    }
}

/// The types a comptime-only type holds.
fn comptime_children(kind: &TypeKind) -> Box<dyn Iterator<Item = usize> + '_> {
    match kind {
        TypeKind::ComptimeErrorUnion { child, error_set } => Box::new([*child, *error_set].into_iter()),
        TypeKind::ComptimeOptional { child }
        | TypeKind::ComptimeArray { child, .. }
        | TypeKind::ComptimePointer { child, .. } => Box::new(std::iter::once(*child)),
        TypeKind::ComptimeStruct { fields, .. } | TypeKind::ComptimeUnion { fields } => {
            Box::new(fields.iter().map(|f| f.type_index))
        }
        _ => Box::new(std::iter::empty()),
    }
}

fn check_optional(d: &Descriptor, index: usize, t: &Type, child: usize, value_at: u64, present_at: u64) -> Problem {
    let child = nested(d, index, child)?;
    expect(value_at <= MAX_EXTENT && present_at <= MAX_EXTENT, "offset is implausibly large")?;
    let value = value_at..value_at + child.size;
    within(t, value.clone(), child.align)?;
    within(t, present_at..present_at + 1, 1)?;
    expect(!value.contains(&present_at), "presence flag overlaps the value")
}

fn check_error_union(
    d: &Descriptor,
    index: usize,
    t: &Type,
    (payload, set): (usize, usize),
    (value_at, code_at): (u64, u64),
) -> Problem {
    expect(value_at <= MAX_EXTENT && code_at <= MAX_EXTENT, "offset is implausibly large")?;
    let payload = nested(d, index, payload)?;
    let set = nested(d, index, set)?;
    expect(matches!(set.kind, TypeKind::ErrorSet { .. }), "error_set is not an error set")?;
    let code_bytes = u64::from(d.error_code_bits.div_ceil(8));
    within(t, value_at..value_at + payload.size, payload.align)?;
    within(t, code_at..code_at + code_bytes, set.align)?;
    let overlap = value_at < code_at + code_bytes && code_at < value_at + payload.size;
    expect(!overlap, "error code overlaps the value")
}

fn check_error_set(d: &Descriptor, t: &Type, errors: Option<&[ErrorMember]>) -> Problem {
    expect(t.size >= u64::from(d.error_code_bits.div_ceil(8)), "error set is smaller than an error code")?;
    let limit = 1u64 << d.error_code_bits;
    let fits = |e: &ErrorMember| e.value != 0 && u64::from(e.value) < limit;
    expect(errors.unwrap_or_default().iter().all(fits), "error codes must be non-zero and fit the code size")
}

fn check_slice(t: &Type, ptr_at: u64, len_at: u64, word: u64) -> Problem {
    expect(ptr_at <= MAX_EXTENT && len_at <= MAX_EXTENT, "offset is implausibly large")?;
    within(t, ptr_at..ptr_at + word, word)?;
    within(t, len_at..len_at + word, word)?;
    expect(ptr_at.abs_diff(len_at) >= word, "slice address and length overlap")
}

fn check_array(d: &Descriptor, index: usize, t: &Type, child: usize, len: u64, sentinel: bool) -> Problem {
    let child = nested(d, index, child)?;
    expect(
        in_memory(&child.kind) || followable(d, &child.kind),
        "array elements must be values in memory or pointers to them",
    )?;
    let count = len.checked_add(u64::from(sentinel));
    let bytes = count.and_then(|n| child.size.checked_mul(n)).filter(|b| *b <= t.size);
    expect(bytes.is_some(), "elements exceed the array's size")
}

fn check_bit_vector(d: &Descriptor, index: usize, t: &Type, child: usize, len: u64) -> Problem {
    let child = nested(d, index, child)?;
    let bits = match child.kind {
        TypeKind::Bool => 1,
        TypeKind::Int { bits, .. } | TypeKind::Float { bits } => u64::from(bits),
        _ => return Err("only vectors of bools, integers and floats are bit-packed".into()),
    };
    let total = len.checked_mul(bits).filter(|b| *b <= t.size * 8);
    expect(total.is_some(), "elements exceed the vector's size")
}

/// A comptime field read from memory: a hidden constant of its type holds it.
fn check_stored_field(d: &Descriptor, type_index: usize, slot: usize) -> Problem {
    let stored = d.variables.iter().find(|v| v.slot == slot);
    let fits = stored.is_some_and(|v| v.hidden && !v.mutable && v.type_index == type_index);
    expect(fits, "its value's storage slot is not a hidden constant of its type")
}

fn check_field(d: &Descriptor, parent: usize, t: &Type, layout: StructLayout, f: &Field) -> Problem {
    if f.comptime {
        if let Some(slot) = f.slot {
            return check_stored_field(d, f.type_index, slot);
        }
        let value = f.default.as_ref().ok_or("a comptime field needs its value")?;
        return check_value(d, f.type_index, value);
    }
    let ft = nested(d, parent, f.type_index)?;
    if layout == StructLayout::Packed {
        check_packed_field(d, t, ft, f)
    } else {
        expect(in_memory(&ft.kind) || followable(d, &ft.kind), "fields must be values in memory or pointers to them")?;
        expect(f.offset <= MAX_EXTENT, "offset is implausibly large")?;
        within(t, f.offset..f.offset + ft.size, ft.align)
    }
}

/// A packed field: a kind Zig packs, whose `bits` fit in its own type and,
/// from `bit_offset` on, in the struct.
fn check_packed_field(d: &Descriptor, t: &Type, ft: &Type, f: &Field) -> Problem {
    let packable = match &ft.kind {
        TypeKind::Bool | TypeKind::Int { .. } | TypeKind::Float { .. } | TypeKind::Void => true,
        TypeKind::Enum { .. } | TypeKind::FunctionPointer { .. } => true,
        TypeKind::Array { vector, .. } => *vector,
        TypeKind::Struct { layout, union, .. } => *layout == StructLayout::Packed && !union,
        TypeKind::Pointer { .. } => followable(d, &ft.kind),
        _ => false,
    };
    expect(packable, "packed fields must be values Zig packs (no slices, optionals, unions or arrays)")?;
    let bits = f.bits.ok_or("a packed field needs its bit size")?;
    expect(bits <= ft.size * 8, "bits exceed the field type's size")?;
    expect(f.bit_offset <= MAX_EXTENT * 8 && f.bit_offset + bits <= t.size * 8, "bits lie outside the struct")
}

/// The target type of a pointer: a value in memory with storage, or (one
/// level deep) a pointer or slice to such values.
fn pointee(d: &Descriptor, parent: usize, child: usize) -> Problem {
    let t = nested(d, parent, child)?;
    if let TypeKind::Slice { child: inner, .. } | TypeKind::Pointer { child: inner, .. } = t.kind {
        let target = nested(d, child, inner)?;
        let is_pointer = matches!(t.kind, TypeKind::Pointer { .. });
        let word = d.pointer_size;
        let stride_ok = t.size == 2 * word || (t.size == word && is_pointer);
        let plain = in_memory(&target.kind) && target.size > 0;
        return expect(plain && stride_ok, "pointers nest only one level deep");
    }
    expect(in_memory(&t.kind) && t.size > 0, "pointers must point at values in memory")
}
