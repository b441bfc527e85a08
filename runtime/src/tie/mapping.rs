//! The mappings of tieable memory: a buffer's own view of its memfd, and
//! ties, which map pages of a memfd over pages of a WebAssembly memory and
//! are later replaced by the private zero pages V8 reserves memories with.
use std::ffi::c_void;
use std::ptr::{self, NonNull};

use rustix::mm::{madvise, mmap, mmap_anonymous, munmap, Advice, MapFlags, ProtFlags};

use super::error::{os, TieError};
use super::memfd::Memfd;

/// The OS page size, the unit of every mapping.
pub fn page_size() -> u64 {
    rustix::param::page_size() as u64
}

/// All of a memfd, mapped shared and read-write where the kernel chooses;
/// unmapped when dropped.
#[derive(Debug)]
pub struct SharedMapping {
    address: NonNull<u8>,
    len: usize,
}

impl SharedMapping {
    pub fn new(memfd: &Memfd) -> Result<Self, TieError> {
        let len = memfd.size() as usize;
        let flags = MapFlags::SHARED;
        // SAFETY: a null hint lets the kernel pick an address no other
        // mapping uses, so nothing existing is replaced.
        let address = unsafe { mmap(ptr::null_mut(), len, ProtFlags::READ | ProtFlags::WRITE, flags, memfd, 0) }
            .map_err(os("mmap of a tieable buffer"))?;
        let address = NonNull::new(address.cast())
            .ok_or(TieError::Os { call: "mmap of a tieable buffer", errno: rustix::io::Errno::NOMEM })?;
        Ok(Self { address, len })
    }

    pub fn address(&self) -> *mut u8 {
        self.address.as_ptr()
    }
}

impl Drop for SharedMapping {
    fn drop(&mut self) {
        // SAFETY: this mapping was made in `new` and is unmapped only here;
        // its owner (a tieable buffer's finalizer) guarantees no view of
        // it is left.
        let _ = unsafe { munmap(self.address.as_ptr().cast(), self.len) };
    }
}

/// Maps `len` bytes of `memfd` from `file_offset` over the `len` bytes at
/// `address`, shared and read-write, with every page faulted in now rather
/// than on first touch.
///
/// On failure the range may have been unmapped; call [`untie`] on it.
///
/// # Safety
/// `address`, `len` and `file_offset` are page aligned, `file_offset + len`
/// is within the file, and the range is inside one WebAssembly memory's
/// current byte length: memory that only wasm code and views of that memory
/// read, which V8 keeps mapped read-write and which may hold any bytes.
pub unsafe fn tie(address: *mut u8, len: usize, memfd: &Memfd, file_offset: u64) -> Result<(), TieError> {
    let flags = MapFlags::SHARED | MapFlags::FIXED;
    let prot = ProtFlags::READ | ProtFlags::WRITE;
    // SAFETY: the caller guarantees the range is whole pages of a wasm
    // memory, whose bytes may change to any value at any time.
    unsafe { mmap(address.cast::<c_void>(), len, prot, flags, memfd, file_offset) }.map_err(os("mmap of a tie"))?;
    Ok(())
}

/// Replaces the `len` bytes at `address` with private zero pages mapped the
/// way V8 maps a WebAssembly memory's reservation, so that the kernel merges
/// them back into it instead of keeping a separate mapping entry.
///
/// # Safety
/// `address` and `len` are page aligned and the range is inside one
/// WebAssembly memory's current byte length (see [`tie`]).
pub unsafe fn untie(address: *mut u8, len: usize) -> Result<(), TieError> {
    let flags = MapFlags::PRIVATE | MapFlags::NORESERVE | MapFlags::FIXED;
    let prot = ProtFlags::READ | ProtFlags::WRITE;
    // SAFETY: the caller guarantees the range is whole pages of a wasm
    // memory, whose bytes may change to any value (here: zero) at any time.
    unsafe { mmap_anonymous(address.cast::<c_void>(), len, prot, flags) }.map_err(os("mmap of an untie"))?;
    // SAFETY: only changes whether a child process inherits these pages.
    unsafe { madvise(address.cast::<c_void>(), len, Advice::LinuxDontFork) }.map_err(os("madvise of an untie"))
}
