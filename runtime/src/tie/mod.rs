//! Tying: mapping whole pages of a memfd-backed ArrayBuffer into a
//! WebAssembly memory, so that JS and wasm code see the same bytes and a
//! call moves none of them (see DESIGN.md, "WebAssembly mode"). These are
//! the primitives the wasm host (js/internal/wasm/ties.js) builds on: it
//! ties a tieable buffer whole, from its first page, since the memfd behind
//! it is whole pages.
//!
//! - [`memfd`]: the sealed memory files behind tieable buffers;
//! - [`mapping`]: the mmap calls that map, tie and untie pages;
//! - [`registry`]: which buffers are tieable, and the live ties;
//! - [`args`]: reading and checking the arguments;
//! - [`error`]: the errors, and the JS classes they become.
//!
//! Every function here is for the JS thread that owns the buffers passed.

// napi-derive registers the exports only outside tests, so in the unit-test
// build everything they reach looks unused.
#![cfg_attr(test, allow(dead_code))]

mod args;
mod error;
mod mapping;
mod memfd;
mod registry;

use std::sync::Arc;

use napi::bindgen_prelude::{ArrayBuffer, Unknown};
use napi::Env;
use napi_derive::napi;

use args::{page_aligned, whole, BufferArg, MAX_SAFE_INTEGER};
use error::TieError;
use mapping::{page_size as os_page_size, SharedMapping};
use memfd::Memfd;
use registry::{TieRecord, TieableEntry};

/// Largest tieable buffer: 4 GiB, all a 32-bit WebAssembly memory can hold.
const MAX_TIEABLE_BYTES: u64 = 1 << 32;

/// A WebAssembly memory's byte length is always a whole number of these.
const WASM_PAGE: u64 = 65536;

/// A new zero-filled ArrayBuffer of `byteLength` bytes whose pages
/// [`tie_pages`] can map into a WebAssembly memory. Its bytes live in a
/// sealed memfd of `byteLength` rounded up to whole pages, unmapped and
/// closed when the buffer is collected. A `byteLength` of 0 gives an empty
/// buffer that is not tieable. Throws a RangeError unless `byteLength` is a
/// whole number from 0 to 4 GiB.
#[napi]
pub fn tieable_buffer(env: &Env, byte_length: f64) -> napi::Result<ArrayBuffer<'_>> {
    let len = whole("byteLength", byte_length, MAX_TIEABLE_BYTES).map_err(|e| e.throw(env))?;
    // Without external buffers no memory can be shared with a WebAssembly
    // memory: an ordinary buffer, which ties copy instead of mapping.
    if len == 0 || crate::no_external::enabled(env.raw()) {
        return Ok(crate::no_external::js_buffer(env, len as usize)?.0);
    }
    let memfd = Memfd::create(len.next_multiple_of(os_page_size())).map_err(|e| e.throw(env))?;
    let mapping = SharedMapping::new(&memfd).map_err(|e| e.throw(env))?;
    let data = mapping.address();
    let owner = TieableMemory { mapping };
    // SAFETY: `len` bytes at `data` are mapped until `owner` is dropped,
    // which only the buffer's finalizer does.
    let buffer = unsafe { ArrayBuffer::from_external(env, data, len as usize, owner, |_, owner| drop(owner)) }?;
    // Where the engine refuses external memory, it made a copy (and
    // `owner` is gone): a plain buffer, which is not tieable.
    if buffer.as_ptr() == data.cast_const() {
        registry::lock().add_buffer(data as u64, TieableEntry { memfd: Arc::new(memfd), byte_length: len });
    }
    Ok(buffer)
}

/// The mapping behind a tieable buffer, owned by the buffer's finalizer.
struct TieableMemory {
    mapping: SharedMapping,
}

impl Drop for TieableMemory {
    /// Forgets the buffer (closing its memfd) before the mapping is
    /// unmapped, so that no later buffer at the same address is mistaken
    /// for it. Ties of its pages keep the file alive until untied.
    fn drop(&mut self) {
        registry::lock().remove_buffer(self.mapping.address() as u64);
    }
}

/// Whether `buffer` is an ArrayBuffer made by [`tieable_buffer`] and not yet
/// collected. False for anything else.
#[napi]
pub fn is_tieable(env: &Env, buffer: Unknown<'_>) -> bool {
    BufferArg::read(env, buffer).is_some_and(|b| registry::lock().buffer(b.address, b.len).is_some())
}

/// The OS page size: the unit of every tie.
#[napi]
pub fn page_size() -> u32 {
    os_page_size() as u32
}

/// The address of `memory`'s data (0 when it has none), for recording a
/// WebAssembly memory's base at tie time and noticing that a grow moved it.
/// A number: user-space addresses have at most 53 bits.
#[napi]
pub fn memory_address(env: &Env, memory: Unknown<'_>) -> napi::Result<f64> {
    let memory = BufferArg::require(env, memory, "memory", "").map_err(|e| e.throw(env))?;
    Ok(memory.address as f64)
}

/// How many ties are live (tied and neither untied nor forgotten).
#[napi]
pub fn live_ties() -> u32 {
    registry::lock().live_ties() as u32
}

/// Maps `byteLength` bytes of `source`'s memfd from `sourceOffset` over
/// the bytes of `memory` at `memoryOffset`, so that both see the same pages
/// until [`untie_pages`]. `memory` must be a WebAssembly.Memory's current
/// `buffer`: the caller guarantees it, and the tie replaces whatever those
/// bytes held. Offsets and `byteLength` are whole pages ([`page_size`]) and
/// the range lies inside both buffers; the range must not overlap a live
/// tie. Pages are faulted in on first touch, so a call that touches few
/// pages of a large buffer pays for those alone.
///
/// Returns false, leaving `memory` untouched, when the caller should copy
/// instead: `source` is not tieable, or [`registry::MAX_LIVE_TIES`] ties are
/// live. Also false, with the range's bytes zeroed, when the kernel has no
/// room for another mapping. Throws (RangeError, TypeError, or Error with
/// code ZIGPORT_TIE) for misuse.
#[napi]
pub fn tie_pages(
    env: &Env,
    memory: Unknown<'_>,
    memory_offset: f64,
    source: Unknown<'_>,
    source_offset: f64,
    byte_length: f64,
) -> napi::Result<bool> {
    let request = TieRequest::read(env, memory, memory_offset, source, source_offset, byte_length);
    request.and_then(TieRequest::run).map_err(|e| e.throw(env))
}

/// Puts back private zero pages at exactly a range [`tie_pages`] tied in
/// `memory` (the same WebAssembly.Memory's current `buffer`, at the same
/// base address): `memory` reads zeros there, the source keeps its bytes.
/// Throws for a range that is not exactly one live tie.
#[napi]
pub fn untie_pages(env: &Env, memory: Unknown<'_>, memory_offset: f64, byte_length: f64) -> napi::Result<()> {
    untie(env, memory, memory_offset, byte_length).map_err(|e| e.throw(env))
}

/// Forgets every tie recorded for the memory whose data was at `address`
/// (see [`memory_address`]) without touching any mapping: for a memory that
/// was freed or moved by a grow, whose old ranges are not its ties anymore.
/// Returns how many were forgotten.
#[napi]
pub fn forget_ties(env: &Env, address: f64) -> napi::Result<u32> {
    let address = whole("address", address, MAX_SAFE_INTEGER).map_err(|e| e.throw(env))?;
    Ok(registry::lock().forget_ties(address) as u32)
}

/// Forgets the ties of the memory whose data is at `address` when this
/// environment ends: a worker's WebAssembly memories end with it, and a
/// later memory at the same address must not look tied.
#[napi]
pub fn forget_ties_at_exit(env: &Env, address: f64) -> napi::Result<()> {
    let address = whole("address", address, MAX_SAFE_INTEGER).map_err(|e| e.throw(env))?;
    env.add_env_cleanup_hook(address, |address| {
        registry::lock().forget_ties(address);
    })?;
    Ok(())
}

/// A [`tie_pages`] call with its arguments read and checked.
struct TieRequest {
    memory: BufferArg,
    memory_offset: u64,
    source: BufferArg,
    source_offset: u64,
    len: u64,
}

impl TieRequest {
    fn read(
        env: &Env,
        memory: Unknown<'_>,
        memory_offset: f64,
        source: Unknown<'_>,
        source_offset: f64,
        byte_length: f64,
    ) -> Result<Self, TieError> {
        let page = os_page_size();
        let memory = wasm_memory(env, memory)?;
        let source = BufferArg::require(env, source, "source", " (made by tieableBuffer)")?;
        let memory_offset =
            page_aligned("memoryOffset", whole("memoryOffset", memory_offset, MAX_SAFE_INTEGER)?, page)?;
        let source_offset =
            page_aligned("sourceOffset", whole("sourceOffset", source_offset, MAX_SAFE_INTEGER)?, page)?;
        let len = whole("byteLength", byte_length, MAX_SAFE_INTEGER)?;
        if len == 0 || !len.is_multiple_of(page) {
            return Err(TieError::BadTieLength { len, page });
        }
        check_inside_memory(memory, memory_offset, len)?;
        Ok(Self { memory, memory_offset, source, source_offset, len })
    }

    fn run(self) -> Result<bool, TieError> {
        let mut registry = registry::lock();
        let Some(entry) = registry.buffer(self.source.address, self.source.len) else { return Ok(false) };
        let memfd = Arc::clone(&entry.memfd);
        let end = self.source_offset + self.len;
        if end > memfd.size() {
            return Err(TieError::PastSource { end, size: memfd.size() });
        }
        registry.check_free(self.memory.address, self.memory_offset, self.len)?;
        if registry.is_full() {
            return Ok(false);
        }
        let address = (self.memory.address + self.memory_offset) as *mut u8;
        let len = self.len as usize;
        // SAFETY: `read` checked that the range is whole pages inside
        // `memory`'s current length, and the caller guarantees `memory` is
        // a WebAssembly memory's buffer; the file range was checked above.
        if let Err(failed) = unsafe { mapping::tie(address, len, &memfd, self.source_offset) } {
            // SAFETY: the same range, which the failed mmap may have unmapped.
            unsafe { mapping::untie(address, len) }.map_err(|_| failed.clone())?;
            return if failed.is_out_of_mappings() { Ok(false) } else { Err(failed) };
        }
        registry.add_tie(TieRecord {
            base: self.memory.address,
            offset: self.memory_offset,
            len: self.len,
            fd: memfd.raw_fd(),
            source_offset: self.source_offset,
        });
        Ok(true)
    }
}

fn untie(env: &Env, memory: Unknown<'_>, memory_offset: f64, byte_length: f64) -> Result<(), TieError> {
    let memory = wasm_memory(env, memory)?;
    let offset = whole("memoryOffset", memory_offset, MAX_SAFE_INTEGER)?;
    let len = whole("byteLength", byte_length, MAX_SAFE_INTEGER)?;
    check_inside_memory(memory, offset, len)?;
    let mut registry = registry::lock();
    let tie = registry.take_tie(memory.address, offset, len)?;
    // SAFETY: the range is a recorded tie, so whole pages, and was just
    // checked to be inside `memory`'s current length; the caller
    // guarantees `memory` is a WebAssembly memory's buffer.
    let untied = unsafe { mapping::untie((memory.address + offset) as *mut u8, len as usize) };
    if untied.is_err() {
        registry.add_tie(tie);
    }
    untied
}

/// Reads the `memory` argument and refuses what cannot be a WebAssembly
/// memory's buffer.
fn wasm_memory(env: &Env, memory: Unknown<'_>) -> Result<BufferArg, TieError> {
    let memory = BufferArg::require(env, memory, "memory", " (a WebAssembly.Memory's buffer)")?;
    if !memory.address.is_multiple_of(os_page_size()) {
        return Err(TieError::NotWasmMemory("its data is not page aligned"));
    }
    if !memory.len.is_multiple_of(WASM_PAGE) {
        return Err(TieError::NotWasmMemory("its byteLength is not a whole number of 64 KiB pages"));
    }
    if registry::lock().is_buffer_address(memory.address) {
        return Err(TieError::NotWasmMemory("it is a tieable buffer"));
    }
    Ok(memory)
}

fn check_inside_memory(memory: BufferArg, offset: u64, len: u64) -> Result<(), TieError> {
    let end = offset + len;
    if end > memory.len {
        return Err(TieError::PastMemory { end, len: memory.len });
    }
    Ok(())
}
