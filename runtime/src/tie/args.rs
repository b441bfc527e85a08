//! The tie primitives' arguments, read and checked: ArrayBuffers as their
//! data address and length, numbers as whole byte counts.
use std::ptr;

use napi::bindgen_prelude::Unknown;
use napi::{sys, Env, JsValue};

use super::error::TieError;

/// Largest offset or length a JS number carries exactly (2^53 - 1).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// An ArrayBuffer argument: where its data is (0 when it has none, as a
/// detached or empty buffer may) and how many bytes it has.
#[derive(Debug, Clone, Copy)]
pub struct BufferArg {
    pub address: u64,
    pub len: u64,
}

impl BufferArg {
    /// Reads argument `name`; `None` when it is not an ArrayBuffer.
    pub fn read(env: &Env, value: Unknown<'_>) -> Option<Self> {
        let mut data = ptr::null_mut();
        let mut len = 0usize;
        // SAFETY: `value` is an argument of the callback running on `env`'s
        // thread; Node checks that it is an ArrayBuffer before writing.
        let status = unsafe { sys::napi_get_arraybuffer_info(env.raw(), value.raw(), &mut data, &mut len) };
        (status == sys::Status::napi_ok).then_some(Self { address: data as u64, len: len as u64 })
    }

    /// Reads argument `name`, refusing anything but an ArrayBuffer.
    pub fn require(env: &Env, value: Unknown<'_>, name: &'static str, hint: &'static str) -> Result<Self, TieError> {
        Self::read(env, value).ok_or(TieError::NotABuffer { name, hint })
    }
}

/// Argument `name` as a whole number from 0 to `max`.
pub fn whole(name: &'static str, value: f64, max: u64) -> Result<u64, TieError> {
    if value.fract() == 0.0 && (0.0..=max as f64).contains(&value) {
        Ok(value as u64)
    } else {
        Err(TieError::BadNumber { name, value, max })
    }
}

/// Refuses argument `name` unless it is a multiple of `page`.
pub fn page_aligned(name: &'static str, value: u64, page: u64) -> Result<u64, TieError> {
    if value.is_multiple_of(page) {
        Ok(value)
    } else {
        Err(TieError::Unaligned { name, value, page })
    }
}
