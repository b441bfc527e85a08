//! Structural checks on a decoded descriptor. After `check` succeeds every
//! type index is in range, every member lies inside its structure at its
//! alignment, and nested types strictly shrink (so walking them terminates).
use std::collections::HashSet;

use super::model::{Descriptor, Field, Function, Member, StructLayout, Type, TypeKind};
use super::ABI_VERSION;

/// Why a module's descriptor was refused.
#[derive(Debug, thiserror::Error)]
pub enum DescriptorError {
    #[error("descriptor is not valid JSON ({0})")]
    Json(#[from] serde_json::Error),
    #[error(
        "module was built for descriptor version {found} but this runtime reads version {expected}; \
         delete the zigport cache so it is rebuilt"
    )]
    AbiMismatch { found: u32, expected: u32 },
    #[error("error codes of {0} bits are not supported (expected 1 to 32)")]
    ErrorCodeBits(u32),
    #[error("type #{index} ({name}): {problem}")]
    Type {
        index: usize,
        name: String,
        problem: String,
    },
    #[error("function {name}: {problem}")]
    Function { name: String, problem: String },
    #[error("declaration {name}: {problem}")]
    Declaration { name: String, problem: String },
}

type Problem = Result<(), String>;

/// Upper bound on every size and offset, so that sums of two never overflow.
const MAX_EXTENT: u64 = 1 << 32;

pub(super) fn check(d: &Descriptor) -> Result<(), DescriptorError> {
    if d.abi != ABI_VERSION {
        return Err(DescriptorError::AbiMismatch {
            found: d.abi,
            expected: ABI_VERSION,
        });
    }
    if !(1..=32).contains(&d.error_code_bits) {
        return Err(DescriptorError::ErrorCodeBits(d.error_code_bits));
    }
    for (index, t) in d.types.iter().enumerate() {
        check_type(d, index, t).map_err(|problem| DescriptorError::Type {
            index,
            name: t.name.clone(),
            problem,
        })?;
    }
    check_functions(d)?;
    check_declarations(d)
}

fn check_type(d: &Descriptor, index: usize, t: &Type) -> Problem {
    if !t.align.is_power_of_two() || t.align > 1 << 16 {
        return Err(format!(
            "alignment {} is not a power of two up to 65536",
            t.align
        ));
    }
    if t.size > MAX_EXTENT {
        return Err(format!("size {} is implausibly large", t.size));
    }
    if !t.size.is_multiple_of(t.align) {
        return Err(format!(
            "size {} is not a multiple of alignment {}",
            t.size, t.align
        ));
    }
    let code_bytes = u64::from(d.error_code_bits.div_ceil(8));
    match &t.kind {
        TypeKind::Bool => expect(t.size == 1, "a bool must be 1 byte"),
        TypeKind::Void | TypeKind::ComptimeInt | TypeKind::ComptimeFloat => {
            expect(t.size == 0, "a value without storage must have size 0")
        }
        TypeKind::Int { bits, .. } => {
            expect(*bits <= 65535, "integers are at most 65535 bits")?;
            expect(
                u64::from(*bits) <= t.size * 8,
                "integer bits exceed its size",
            )
        }
        TypeKind::Float { bits } => {
            expect(
                matches!(bits, 16 | 32 | 64 | 80 | 128),
                "floats are 16, 32, 64, 80 or 128 bits",
            )?;
            expect(u64::from(*bits) <= t.size * 8, "float bits exceed its size")
        }
        TypeKind::Optional {
            child,
            value_offset,
            present_offset,
        } => {
            let child = nested(d, index, *child)?;
            expect(
                *value_offset <= MAX_EXTENT && *present_offset <= MAX_EXTENT,
                "offset is implausibly large",
            )?;
            let value = *value_offset..value_offset + child.size;
            within(t, value.clone(), child.align)?;
            within(t, *present_offset..present_offset + 1, 1)?;
            expect(
                !value.contains(present_offset),
                "presence flag overlaps the value",
            )
        }
        TypeKind::ErrorUnion {
            payload,
            error_set,
            value_offset,
            code_offset,
        } => {
            expect(
                *value_offset <= MAX_EXTENT && *code_offset <= MAX_EXTENT,
                "offset is implausibly large",
            )?;
            let payload = nested(d, index, *payload)?;
            let set = nested(d, index, *error_set)?;
            expect(
                matches!(set.kind, TypeKind::ErrorSet { .. }),
                "error_set is not an error set",
            )?;
            within(t, *value_offset..value_offset + payload.size, payload.align)?;
            within(t, *code_offset..code_offset + code_bytes, set.align)?;
            let overlap = *value_offset < code_offset + code_bytes
                && *code_offset < value_offset + payload.size;
            expect(!overlap, "error code overlaps the value")
        }
        TypeKind::ErrorSet { errors } => {
            expect(
                t.size >= code_bytes,
                "error set is smaller than an error code",
            )?;
            let limit = 1u64 << d.error_code_bits;
            let fits = |e: &super::model::ErrorMember| e.value != 0 && u64::from(e.value) < limit;
            expect(
                errors.iter().flatten().all(fits),
                "error codes must be non-zero and fit the code size",
            )
        }
        TypeKind::Slice {
            child,
            ptr_offset,
            len_offset,
            ..
        } => {
            pointee(d, index, *child)?;
            expect(
                *ptr_offset <= MAX_EXTENT && *len_offset <= MAX_EXTENT,
                "offset is implausibly large",
            )?;
            within(t, *ptr_offset..ptr_offset + 8, 8)?;
            within(t, *len_offset..len_offset + 8, 8)?;
            expect(
                ptr_offset.abs_diff(*len_offset) >= 8,
                "slice address and length overlap",
            )
        }
        TypeKind::Pointer { child, .. } => {
            pointee(d, index, *child)?;
            expect(
                t.size == 8 && t.align == 8,
                "a pointer must be 8 bytes at alignment 8",
            )
        }
        TypeKind::Array {
            child,
            len,
            sentinel,
            ..
        } => {
            let child = nested(d, index, *child)?;
            expect(
                in_memory(&child.kind),
                "array elements must be values in memory",
            )?;
            let count = len.checked_add(u64::from(sentinel.is_some()));
            let bytes = count
                .and_then(|n| child.size.checked_mul(n))
                .filter(|b| *b <= t.size);
            expect(bytes.is_some(), "elements exceed the array's size")
        }
        TypeKind::Enum { tag, members, .. } => {
            let tag = nested(d, index, *tag)?;
            expect(
                matches!(tag.kind, TypeKind::Int { .. }) && tag.size == t.size,
                "enum tag must be an integer of its size",
            )?;
            expect(
                members.iter().all(|m| is_integer_text(&m.value)),
                "enum values must be integers",
            )
        }
        TypeKind::Struct { layout, fields, .. } => {
            for f in fields {
                check_field(d, index, t, *layout, f)
                    .map_err(|e| format!("field {}: {e}", f.name))?;
            }
            Ok(())
        }
        TypeKind::Allocator => expect(t.size == 0, "an allocator takes no bytes at the boundary"),
        TypeKind::Unsupported => Ok(()),
    }
}

fn expect(ok: bool, problem: &str) -> Problem {
    if ok {
        Ok(())
    } else {
        Err(problem.to_owned())
    }
}

/// A child type of type `parent`: in range, and not the parent itself.
fn nested(d: &Descriptor, parent: usize, child: usize) -> Result<&Type, String> {
    if child == parent {
        return Err("type contains itself".into());
    }
    d.types
        .get(child)
        .ok_or_else(|| format!("refers to missing type #{child}"))
}

/// Kinds whose values JS reads and writes where they lie in memory.
fn in_memory(kind: &TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Bool
            | TypeKind::Int { .. }
            | TypeKind::Float { .. }
            | TypeKind::Enum { .. }
            | TypeKind::Array { .. }
            | TypeKind::Struct { .. }
    )
}

fn check_field(
    d: &Descriptor,
    parent: usize,
    t: &Type,
    layout: StructLayout,
    f: &Field,
) -> Problem {
    let ft = nested(d, parent, f.type_index)?;
    if layout == StructLayout::Packed {
        let bits = match ft.kind {
            TypeKind::Bool => 1,
            TypeKind::Int { bits, .. } => u64::from(bits),
            TypeKind::Enum { tag, .. } => match d.types.get(tag).map(|t| &t.kind) {
                Some(TypeKind::Int { bits, .. }) => u64::from(*bits),
                _ => return Err("enum tag is not an integer".into()),
            },
            _ => return Err("packed fields must be bools, integers or enums".into()),
        };
        expect(
            bits <= 64 && f.bit_offset <= MAX_EXTENT && f.bit_offset + bits <= t.size * 8,
            "bits lie outside the struct",
        )
    } else {
        expect(in_memory(&ft.kind), "fields must be values in memory")?;
        expect(f.offset <= MAX_EXTENT, "offset is implausibly large")?;
        within(t, f.offset..f.offset + ft.size, ft.align)
    }
}

/// The target type of a pointer: a value in memory with storage, or (one
/// level deep) a pointer or slice to such values.
fn pointee(d: &Descriptor, parent: usize, child: usize) -> Problem {
    let t = nested(d, parent, child)?;
    if let TypeKind::Slice { child: inner, .. } | TypeKind::Pointer { child: inner, .. } = t.kind {
        let target = nested(d, child, inner)?;
        let is_pointer = matches!(t.kind, TypeKind::Pointer { .. });
        let stride_ok = t.size == 16 || (t.size == 8 && is_pointer);
        let plain = in_memory(&target.kind) && target.size > 0;
        return expect(plain && stride_ok, "pointers nest only one level deep");
    }
    expect(
        in_memory(&t.kind) && t.size > 0,
        "pointers must point at values in memory",
    )
}

/// Checks that `range` lies inside `outer` and starts at a multiple of `align`.
fn within(outer: &Type, range: std::ops::Range<u64>, align: u64) -> Problem {
    if range.start > MAX_EXTENT || range.end > outer.size || range.start > range.end {
        return Err(format!(
            "bytes {}..{} lie outside its {} bytes",
            range.start, range.end, outer.size
        ));
    }
    expect(range.start.is_multiple_of(align), "member is misaligned")
}

fn check_functions(d: &Descriptor) -> Result<(), DescriptorError> {
    let mut thunks = HashSet::new();
    for f in &d.functions {
        let fail = |problem: String| DescriptorError::Function {
            name: f.name.clone(),
            problem,
        };
        if f.thunk >= d.functions.len() || !thunks.insert(f.thunk) {
            return Err(fail(format!(
                "thunk index {} is out of range or repeated",
                f.thunk
            )));
        }
        check_frame(d, f).map_err(fail)?;
        if f.owner.is_some_and(|o| {
            !matches!(
                d.types.get(o).map(|t| &t.kind),
                Some(TypeKind::Struct { .. })
            )
        }) {
            return Err(DescriptorError::Function {
                name: f.name.clone(),
                problem: "owner is not a struct type".into(),
            });
        }
    }
    Ok(())
}

fn check_frame(d: &Descriptor, f: &Function) -> Problem {
    let frame = &f.frame;
    if frame.size > MAX_EXTENT || !frame.align.is_power_of_two() || frame.align > 4096 {
        return Err(format!(
            "frame alignment {} is not a power of two up to 4096",
            frame.align
        ));
    }
    let members = f
        .params
        .iter()
        .map(|p| ("parameter", p))
        .chain([("result", &f.ret)]);
    for (what, m) in members {
        let t = member_type(d, m).map_err(|e| format!("{what}: {e}"))?;
        if m.offset > MAX_EXTENT
            || m.offset % t.align != 0
            || m.offset + t.size > frame.size
            || t.align > frame.align
        {
            return Err(format!(
                "{what} of type {} does not fit its frame at offset {}",
                t.name, m.offset
            ));
        }
    }
    Ok(())
}

fn member_type<'d>(d: &'d Descriptor, m: &Member) -> Result<&'d Type, String> {
    let t = d
        .types
        .get(m.type_index)
        .ok_or_else(|| format!("refers to missing type #{}", m.type_index))?;
    match t.kind {
        TypeKind::ComptimeInt | TypeKind::ComptimeFloat | TypeKind::Unsupported => {
            Err(format!("type {} cannot be passed at run time", t.name))
        }
        _ => Ok(t),
    }
}

fn check_declarations(d: &Descriptor) -> Result<(), DescriptorError> {
    let mut names = HashSet::new();
    let all = d
        .functions
        .iter()
        .map(|f| (f.owner, &f.name))
        .chain(d.variables.iter().map(|v| (v.owner, &v.name)))
        .chain(d.constants.iter().map(|c| (c.owner, &c.name)))
        .chain(d.type_decls.iter().map(|t| (t.owner, &t.name)))
        .chain(d.unsupported.iter().map(|u| (u.owner, &u.name)));
    for (owner, name) in all {
        if name.is_empty() || !names.insert((owner, name)) {
            return Err(declaration(name, "name is empty or declared twice"));
        }
        let owner_ok = owner.is_none_or(|o| {
            matches!(
                d.types.get(o).map(|t| &t.kind),
                Some(TypeKind::Struct { .. })
            )
        });
        if !owner_ok {
            return Err(declaration(
                name,
                "declared in something that is not a struct type",
            ));
        }
    }
    let mut slots = HashSet::new();
    for v in &d.variables {
        let storable = d
            .types
            .get(v.type_index)
            .is_some_and(|t| in_memory(&t.kind));
        if !storable || v.slot >= d.variables.len() || !slots.insert(v.slot) {
            return Err(declaration(&v.name, "bad type or storage slot"));
        }
    }
    if let Some(t) = d.type_decls.iter().find(|t| {
        d.types
            .get(t.type_index)
            .is_none_or(|ty| !in_memory(&ty.kind) && !matches!(ty.kind, TypeKind::ErrorSet { .. }))
    }) {
        return Err(declaration(
            &t.name,
            "type declaration refers to a missing or unsupported type",
        ));
    }
    for c in &d.constants {
        let kind = d.types.get(c.type_index).map(|t| &t.kind);
        let ok = match kind {
            Some(TypeKind::ComptimeInt) => is_integer_text(&c.value),
            Some(TypeKind::ComptimeFloat) => c.value.parse::<f64>().is_ok(),
            _ => false,
        };
        if !ok {
            return Err(declaration(
                &c.name,
                "comptime value has a bad type or text",
            ));
        }
    }
    Ok(())
}

fn declaration(name: &str, problem: &str) -> DescriptorError {
    DescriptorError::Declaration {
        name: name.to_owned(),
        problem: problem.to_owned(),
    }
}

fn is_integer_text(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}
