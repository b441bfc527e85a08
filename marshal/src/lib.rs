//! zigport's pure half: every decision about the boundary that can be made
//! without touching N-API or the operating system. The runtime crate executes
//! what this crate decides.
//!
//! - [`descriptor`]: decodes and validates what a compiled module says about
//!   itself, so the runtime never acts on an offset it has not checked.
//! - [`plan`]: decides, per call, which pointer targets are passed in place and
//!   which are copied to aligned scratch memory (in WebAssembly mode, into the
//!   module's memory).
#![forbid(unsafe_code)]

pub mod descriptor;
pub mod plan;
