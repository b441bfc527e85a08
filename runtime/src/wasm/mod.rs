//! The WebAssembly module check and call planner as the addon exports
//! them. The WebAssembly host (js/internal/wasm/) runs without the addon,
//! on the JS twins of these decisions (js/internal/marshal/); these exports
//! are the reference those twins are held to: the parity tests
//! (tests/unit/descriptor-parity.test.js, plan-parity.test.js) compare
//! both on real modules' descriptors and generated call shapes, so the
//! rules stay the ones `zigport_marshal` owns.
//!
//! - [`plan`]: the call plan as numbers the host can act on.
// napi-derive registers the exports only outside tests, so in the unit-test
// build the functions they reach look unused.
#![cfg_attr(test, allow(dead_code))]

mod plan;

use std::path::PathBuf;

use napi::bindgen_prelude::Float64ArraySlice;
use napi_derive::napi;
use zigport_marshal::descriptor::{Descriptor, ABI_VERSION};

use crate::error::RuntimeError;

/// Bytes of an address in wasm32.
const WASM_POINTER_SIZE: u64 = 4;

/// The exports a zigport WebAssembly module must have.
const REQUIRED_EXPORTS: [&str; 13] = [
    "memory",
    "__stack_pointer",
    "zigport_abi_version",
    "zigport_descriptor",
    "zigport_storage",
    "zigport_error_name",
    "zigport_check_layouts",
    "zigport_call",
    "zigport_alloc",
    "zigport_free",
    "zigport_call_memory",
    "zigport_keep_call_memory",
    "zigport_release_call_memory",
];

/// What the host read from a freshly instantiated module.
#[napi(object)]
pub struct WasmModuleFacts {
    pub path: String,
    pub exports: Vec<String>,
    /// What `zigport_abi_version` returned (absent when it is missing).
    pub abi_version: Option<u32>,
    pub layouts_hold: Option<bool>,
    pub descriptor: Option<String>,
    /// Set when the descriptor's bytes are not UTF-8 (and `descriptor` is absent).
    pub descriptor_not_utf8: Option<bool>,
}

/// The list of exports the host must check before calling any of them.
#[napi]
pub fn wasm_required_exports() -> Vec<&'static str> {
    REQUIRED_EXPORTS.to_vec()
}

/// Checks a WebAssembly module as `ZigModule.open` checks a library (its
/// exports, ABI version, layouts and descriptor) and returns, as JSON,
/// where each function's frame holds addresses and where values of each
/// type do: `{ "functions": [{ "params": [PointerSlot...], "result":
/// PointerSlot | null }, ...], "places": [[Place...] per type] }`.
#[napi]
pub fn wasm_check_module(facts: WasmModuleFacts) -> napi::Result<String> {
    let path = PathBuf::from(&facts.path);
    if let Some(symbol) = REQUIRED_EXPORTS.iter().find(|name| !facts.exports.iter().any(|e| e == *name)) {
        return Err(RuntimeError::MissingSymbol { path, symbol }.into());
    }
    let found = facts.abi_version.unwrap_or(0);
    if found != ABI_VERSION {
        return Err(RuntimeError::AbiMismatch { path, found, expected: ABI_VERSION }.into());
    }
    if facts.layouts_hold != Some(true) {
        return Err(RuntimeError::LayoutMismatch { path }.into());
    }
    if facts.descriptor_not_utf8 == Some(true) {
        return Err(RuntimeError::DescriptorEncoding { path }.into());
    }
    let text = facts.descriptor.unwrap_or_default();
    let descriptor =
        Descriptor::parse(&text).map_err(|source| RuntimeError::Descriptor { path: path.clone(), source })?;
    if descriptor.pointer_size != WASM_POINTER_SIZE {
        let found = descriptor.pointer_size;
        return Err(RuntimeError::PointerSize { path, found, expected: WASM_POINTER_SIZE }.into());
    }
    let functions: Vec<serde_json::Value> = descriptor
        .functions
        .iter()
        .map(|f| serde_json::json!({ "params": descriptor.pointer_slots(f), "result": descriptor.result_slot(f) }))
        .collect();
    Ok(serde_json::json!({ "functions": functions, "places": descriptor.place_table() }).to_string())
}

/// Plans one call (see [`plan`] for the number layout) into `out`, which
/// must hold `2 + 7 * targets` numbers; returns how many it wrote. Both
/// arrays are borrowed, so a call allocates no JS objects.
#[napi]
pub fn plan_copies(targets: Float64ArraySlice<'_>, mut out: Float64ArraySlice<'_>) -> napi::Result<u32> {
    let plan = plan::plan_copies(&targets).map_err(|e| napi::Error::from_reason(e.to_string()))?;
    // SAFETY: JS does not run while this native function does, so nothing
    // else reads or writes `out`'s memory during the borrow.
    let out = unsafe { out.as_mut() };
    let written = out.get_mut(..plan.len()).ok_or_else(|| napi::Error::from_reason("plan output array too small"))?;
    written.copy_from_slice(&plan);
    Ok(plan.len() as u32)
}
