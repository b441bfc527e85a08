//! Every way a tie primitive can refuse, as one enum. Each knows which JS
//! error class it becomes; all carry the code `ZIGPORT_TIE`.
use napi::{Env, Status};

use crate::error::JsErrorClass;

/// The error code of every exception the tie primitives throw.
const CODE: &str = "ZIGPORT_TIE";

#[derive(Debug, Clone, thiserror::Error)]
pub enum TieError {
    #[error("{name} must be an ArrayBuffer{hint}")]
    NotABuffer { name: &'static str, hint: &'static str },
    #[error("{name} must be a whole number from 0 to {max}, got {}", js_number(*.value))]
    BadNumber { name: &'static str, value: f64, max: u64 },
    #[error("{name} ({value}) must be a multiple of the page size ({page})")]
    Unaligned { name: &'static str, value: u64, page: u64 },
    #[error("byteLength ({len}) must be a positive multiple of the page size ({page})")]
    BadTieLength { len: u64, page: u64 },
    #[error("memory must be a WebAssembly.Memory's buffer, but {0}")]
    NotWasmMemory(&'static str),
    #[error("memoryOffset + byteLength ({end}) is past the memory's current byteLength ({len})")]
    PastMemory { end: u64, len: u64 },
    #[error("sourceOffset + byteLength ({end}) is past the source's {size} tieable bytes (its byteLength rounded up to whole pages)")]
    PastSource { end: u64, size: u64 },
    #[error(
        "bytes {offset}..{end} of this memory overlap the tie at {tied_offset}..{tied_end}: \
         untie it first (or, if the memory was freed or moved, forget its ties)"
    )]
    AlreadyTied { offset: u64, end: u64, tied_offset: u64, tied_end: u64 },
    #[error(
        "bytes {offset}..{end} of the memory at {base:#x} are not a tie: untiePages takes exactly \
         the memory, offset and length a tiePages call tied"
    )]
    NotTied { base: u64, offset: u64, end: u64 },
    #[error("{call} failed: {errno}")]
    Os { call: &'static str, errno: rustix::io::Errno },
}

impl TieError {
    /// The JS error class this becomes.
    pub fn js_class(&self) -> JsErrorClass {
        match self {
            TieError::NotABuffer { .. } | TieError::NotWasmMemory(_) => JsErrorClass::TypeError,
            TieError::BadNumber { .. }
            | TieError::Unaligned { .. }
            | TieError::BadTieLength { .. }
            | TieError::PastMemory { .. }
            | TieError::PastSource { .. } => JsErrorClass::RangeError,
            TieError::AlreadyTied { .. } | TieError::NotTied { .. } | TieError::Os { .. } => JsErrorClass::Error,
        }
    }

    /// Whether the kernel refused a mapping for want of room (ENOMEM):
    /// too many mappings, or no memory for page tables.
    pub fn is_out_of_mappings(&self) -> bool {
        matches!(self, TieError::Os { errno, .. } if *errno == rustix::io::Errno::NOMEM)
    }

    /// Throws this as a JS exception of its class, and returns the error that
    /// tells napi-rs one is pending.
    pub fn throw(self, env: &Env) -> napi::Error {
        let message = self.to_string();
        let thrown = match self.js_class() {
            JsErrorClass::Error => env.throw_error(&message, Some(CODE)),
            JsErrorClass::TypeError => env.throw_type_error(&message, Some(CODE)),
            JsErrorClass::RangeError => env.throw_range_error(&message, Some(CODE)),
        };
        match thrown {
            Ok(()) => napi::Error::new(Status::PendingException, message),
            Err(_) => napi::Error::new(Status::GenericFailure, message),
        }
    }
}

/// A number as JS prints it, for the few values Rust prints otherwise.
fn js_number(value: f64) -> String {
    match value {
        f64::INFINITY => "Infinity".into(),
        f64::NEG_INFINITY => "-Infinity".into(),
        _ if value.is_nan() => "NaN".into(),
        _ => value.to_string(),
    }
}

/// Names the system call that failed.
pub fn os(call: &'static str) -> impl FnOnce(rustix::io::Errno) -> TieError {
    move |errno| TieError::Os { call, errno }
}
