//! Every way the runtime can refuse, as one enum. Each becomes a JS `Error`
//! whose message says what happened and what to do about it.
use std::path::PathBuf;

use zigport_marshal::descriptor::DescriptorError;

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("cannot load compiled module {path}: {reason}")]
    Load { path: PathBuf, reason: String },
    #[error(
        "{path} lacks {symbol}: it is not a zigport module, or another zigport version built it; \
         delete the zigport cache so it is rebuilt"
    )]
    MissingSymbol { path: PathBuf, symbol: &'static str },
    #[error(
        "{path} was built for ABI version {found} but this runtime speaks version {expected}; \
         delete the zigport cache so it is rebuilt"
    )]
    AbiMismatch { path: PathBuf, found: u32, expected: u32 },
    #[error(
        "compiled module {path} lays out an optional or error union differently than zigport expects \
         (was it built by a Zig other than 0.15.2, 0.16.x or 0.17.x?)"
    )]
    LayoutMismatch { path: PathBuf },
    #[error("compiled module {path} was built for {found}-byte addresses; this runtime needs {expected}")]
    PointerSize { path: PathBuf, found: u64, expected: u64 },
    #[error("compiled module {path} has an invalid descriptor: {source}")]
    Descriptor { path: PathBuf, source: DescriptorError },
    #[error("compiled module {path} has a descriptor that is not UTF-8")]
    DescriptorEncoding { path: PathBuf },
    #[error("module has no function #{0}")]
    NoFunction(u32),
    #[error("module has no storage slot #{0}")]
    NoStorage(u32),
    #[error("storage slot #{slot} holds {actual} bytes but its type needs {expected}")]
    StorageSize { slot: u32, actual: usize, expected: u64 },
    #[error("function {name} needs a {size}-byte call frame; the argument arena holds {limit}")]
    FrameTooLarge { name: String, size: u64, limit: usize },
}

impl From<RuntimeError> for napi::Error {
    fn from(e: RuntimeError) -> Self {
        napi::Error::new(napi::Status::GenericFailure, e.to_string())
    }
}

/// Why a call with pointer arguments was refused before Zig ran. Each knows
/// which JS error class it becomes.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error("{0}")]
    Alignment(#[from] zigport_marshal::plan::AlignmentConflict),
    #[error("args[{param}]: expected an ArrayBuffer-backed value")]
    NotABuffer { param: usize },
    #[error("args[{param}]: the buffer is detached or smaller than the {len} bytes at offset {offset} the call needs")]
    OutOfBounds { param: usize, offset: u64, len: u64 },
    #[error("args[{param}]: {len} bytes is not a whole number of {elem_size}-byte elements")]
    PartialElement { param: usize, len: u64, elem_size: u64 },
    #[error("args[{param}]: the memory for a zero-terminated pointer must end with a zero element")]
    Unterminated { param: usize },
    #[error("args[{param}]: expected a handle that Zig returned")]
    NotAHandle { param: usize },
    #[error("args[{param}]: a pointer is required")]
    MissingTarget { param: usize },
    #[error("malformed pointer-target records ({0})")]
    Records(&'static str),
    #[error("cannot plan the call: {0}")]
    Plan(String),
}

impl CallError {
    /// The JS error class this becomes.
    pub fn js_class(&self) -> JsErrorClass {
        match self {
            CallError::Alignment(_) | CallError::Plan(_) => JsErrorClass::Error,
            CallError::NotABuffer { .. } | CallError::NotAHandle { .. } | CallError::MissingTarget { .. } => {
                JsErrorClass::TypeError
            }
            _ => JsErrorClass::RangeError,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum JsErrorClass {
    Error,
    TypeError,
    RangeError,
}
