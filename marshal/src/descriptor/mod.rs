//! The descriptor a compiled module exports (JSON produced at comptime by
//! `js/zig/describe.zig`): its types, functions, variables and constants.
//!
//! [`Descriptor::parse`] is the only way to obtain one, and it validates every
//! index, offset and size against the structure it belongs to, so later code
//! may index and offset without re-checking.

mod model;
mod places;
mod slots;
mod validate;

pub use model::{
    CallbackFrame, ComptimeField, Constant, Descriptor, EnumMember, ErrorMember, Field, Function, FunctionRole, Member,
    MetaMark, StructLayout, Type, TypeDecl, TypeKind, UnionSelector, Unsupported, Variable, Variadic,
};
pub use places::{Place, MAX_PLACES};
pub use slots::PointerSlot;
pub use validate::DescriptorError;

/// Version of the descriptor format and the exporter's symbol set. Must equal
/// `abi_version` in `js/zig/describe.zig`.
pub const ABI_VERSION: u32 = 2;

impl Descriptor {
    /// Decodes descriptor text and validates it.
    pub fn parse(text: &str) -> Result<Self, DescriptorError> {
        let descriptor: Descriptor = serde_json::from_str(text)?;
        validate::check(&descriptor)?;
        Ok(descriptor)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod comptime_tests;
#[cfg(test)]
mod overflow_tests;
#[cfg(test)]
mod variadic_tests;
