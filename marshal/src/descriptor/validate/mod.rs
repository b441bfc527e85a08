//! Structural checks on a decoded descriptor. After `check` succeeds every
//! type index is in range, every member lies inside its structure at its
//! alignment, and nested types strictly shrink (so walking them terminates).
//!
//! - [`types`]: each type against its own kind's rules;
//! - [`declarations`]: functions, variables, constants and names;
//! - [`values`]: comptime values against their types.
mod declarations;
mod types;
mod values;

use super::model::{Descriptor, Type, TypeKind};
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
    #[error("addresses of {0} bytes are not supported (expected 4 or 8)")]
    PointerSize(u64),
    #[error("type #{index} ({name}): {problem}")]
    Type { index: usize, name: String, problem: String },
    #[error("function {name}: {problem}")]
    Function { name: String, problem: String },
    #[error("declaration {name}: {problem}")]
    Declaration { name: String, problem: String },
}

/// A check's verdict: the problem, in words, if any.
type Problem = Result<(), String>;

/// Upper bound on every size and offset, so that sums of two never overflow.
const MAX_EXTENT: u64 = 1 << 32;

pub(super) fn check(d: &Descriptor) -> Result<(), DescriptorError> {
    if d.abi != ABI_VERSION {
        return Err(DescriptorError::AbiMismatch { found: d.abi, expected: ABI_VERSION });
    }
    if !(1..=32).contains(&d.error_code_bits) {
        return Err(DescriptorError::ErrorCodeBits(d.error_code_bits));
    }
    if d.pointer_size != 4 && d.pointer_size != 8 {
        return Err(DescriptorError::PointerSize(d.pointer_size));
    }
    for (index, t) in d.types.iter().enumerate() {
        types::check_type(d, index, t).map_err(|problem| DescriptorError::Type {
            index,
            name: t.name.clone(),
            problem,
        })?;
    }
    declarations::check_functions(d)?;
    declarations::check_declarations(d)
}

pub(super) fn expect(ok: bool, problem: &str) -> Problem {
    if ok {
        Ok(())
    } else {
        Err(problem.to_owned())
    }
}

/// A child type of type `parent`: in range, and not the parent itself.
pub(super) fn nested(d: &Descriptor, parent: usize, child: usize) -> Result<&Type, String> {
    if child == parent {
        return Err("type contains itself".into());
    }
    d.types.get(child).ok_or_else(|| format!("refers to missing type #{child}"))
}

/// Kinds whose values JS reads and writes where they lie in memory.
pub(super) fn in_memory(kind: &TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Bool
            | TypeKind::Void
            | TypeKind::Int { .. }
            | TypeKind::Float { .. }
            | TypeKind::Enum { .. }
            | TypeKind::ErrorSet { .. }
            | TypeKind::Array { .. }
            | TypeKind::Struct { .. }
            | TypeKind::Optional { memory: true, .. }
            | TypeKind::ErrorUnion { memory: true, .. }
            | TypeKind::FunctionPointer { .. }
            | TypeKind::Allocator { .. }
    )
}

/// Whether `kind` is a pointer JS can follow where it lies in memory (a
/// field, an element, a variable): a slice, a single-item, many-item or C
/// pointer, or a pointer to an opaque type (which JS holds as a handle).
pub(super) fn followable(d: &Descriptor, kind: &TypeKind) -> bool {
    match *kind {
        TypeKind::Slice { .. } => true,
        TypeKind::Pointer { child, .. } => d.types.get(child).is_some(),
        _ => false,
    }
}

/// Kinds whose values exist only while compiling: JS reads them from JSON.
pub(super) fn comptime_only(kind: &TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::ComptimeInt
            | TypeKind::ComptimeFloat
            | TypeKind::Null
            | TypeKind::Undefined
            | TypeKind::EnumLiteral
            | TypeKind::Type
            | TypeKind::Function
            | TypeKind::ComptimeOptional { .. }
            | TypeKind::ComptimeErrorUnion { .. }
            | TypeKind::ComptimeArray { .. }
            | TypeKind::ComptimePointer { .. }
            | TypeKind::ComptimeStruct { .. }
            | TypeKind::ComptimeUnion { .. }
    )
}

/// Checks that `range` lies inside `outer` and starts at a multiple of `align`.
pub(super) fn within(outer: &Type, range: std::ops::Range<u64>, align: u64) -> Problem {
    if range.start > MAX_EXTENT || range.end > outer.size || range.start > range.end {
        return Err(format!("bytes {}..{} lie outside its {} bytes", range.start, range.end, outer.size));
    }
    expect(range.start.is_multiple_of(align), "member is misaligned")
}

/// The bytes `start..start + len`, refused when the end would not fit a u64
/// (any offset comes from the descriptor, so the sum is not to be trusted).
pub(super) fn span(start: u64, len: u64) -> Result<std::ops::Range<u64>, String> {
    let end = start.checked_add(len).ok_or_else(|| format!("bytes from {start} lie outside any type"))?;
    Ok(start..end)
}

pub(super) fn is_integer_text(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}
