//! zigport's N-API addon. It executes what `zigport-marshal` decides: opens
//! compiled modules, calls their thunks on frames the JS half prepared, and
//! exposes Zig memory as ArrayBuffers.
//!
//! - [`library`]: dlopen and the exporter's symbols;
//! - [`module`]: the `ZigModule` class the JS half uses;
//! - [`call`]: the raw N-API callback on the hot path;
//! - [`arena`]: memory where call frames are written;
//! - [`console`]: Zig's stdout/stderr, captured for `console.log`.
#![deny(unsafe_op_in_unsafe_fn, clippy::undocumented_unsafe_blocks)]

mod arena;
mod call;
mod console;
mod error;
mod library;
mod module;

use std::path::Path;

use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

/// The descriptor of the compiled module at `path`, validated, as JSON. Used
/// by the loader hooks, which need the export names before evaluation.
#[napi]
pub fn describe(path: String) -> napi::Result<String> {
    let (_library, _descriptor, text) = module::open(Path::new(&path))?;
    Ok(text)
}

/// Takes the console output Zig code produced on this thread, or null.
#[napi]
pub fn take_console_output() -> Option<Buffer> {
    let bytes = console::take();
    (!bytes.is_empty()).then(|| bytes.into())
}
