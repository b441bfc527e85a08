//! Raw byte movement for calls with pointer arguments: the scratch block
//! that misaligned clusters are copied into, and the copies themselves.
//! Every range reaching this module was bounds-checked by the caller
//! against the buffer or block it lies in.

/// Heap memory for one call's copied clusters; freed when dropped. A guard
/// of [`GUARD_LEN`] known bytes follows the `len` bytes the copies may use:
/// [`ScratchBlock::guard_intact`] tells after the call whether anything
/// (a layout that overran the block, or Zig writing past a slice it was
/// given) wrote beyond them.
pub struct ScratchBlock {
    bytes: Vec<u8>,
    len: usize,
}

/// Bytes of the guard after a scratch block.
pub const GUARD_LEN: usize = 32;
const GUARD_BYTE: u8 = 0xa5;

impl ScratchBlock {
    pub fn new(len: u64) -> Self {
        let len = len as usize;
        // Capacity, not contents: every byte used is written by a copy-in
        // before Zig sees it, so zero-filling would be wasted work. Only
        // the guard is written now.
        let mut bytes = Vec::with_capacity(len + GUARD_LEN);
        let guard = &mut bytes.spare_capacity_mut()[len..len + GUARD_LEN];
        guard.fill(std::mem::MaybeUninit::new(GUARD_BYTE));
        Self { bytes, len }
    }

    pub fn base(&mut self) -> *mut u8 {
        self.bytes.as_mut_ptr()
    }

    /// Whether the guard after the block still holds what `new` wrote.
    pub fn guard_intact(&self) -> bool {
        let start = self.bytes.as_ptr().wrapping_add(self.len);
        // SAFETY: the guard lies inside the allocation and was initialised
        // in `new`; during the call only raw pointers wrote the block.
        let guard = unsafe { std::slice::from_raw_parts(start, GUARD_LEN) };
        guard.iter().all(|&b| b == GUARD_BYTE)
    }
}

/// Copies `len` bytes from `from` to `to`.
///
/// # Safety
/// Both ranges must be valid for `len` bytes and must not overlap.
pub unsafe fn copy(from: *const u8, to: *mut u8, len: usize) {
    if len > 0 {
        // SAFETY: guaranteed by the caller.
        unsafe { std::ptr::copy_nonoverlapping(from, to, len) }
    }
}

/// Writes `value` into a call frame at `at`.
///
/// # Safety
/// `at` must be valid for writing 8 bytes (no alignment needed).
pub unsafe fn write_u64(at: *mut u8, value: u64) {
    // SAFETY: guaranteed by the caller.
    unsafe { at.cast::<u64>().write_unaligned(value) }
}

/// Writes a presence flag into a call frame at `at`.
///
/// # Safety
/// `at` must be valid for writing 1 byte.
pub unsafe fn write_flag(at: *mut u8, present: bool) {
    // SAFETY: guaranteed by the caller.
    unsafe { at.write(u8::from(present)) }
}

/// Reads a u64 from a call frame at `at`.
///
/// # Safety
/// `at` must be valid for reading 8 bytes (no alignment needed).
pub unsafe fn read_u64(at: *const u8) -> u64 {
    // SAFETY: guaranteed by the caller.
    unsafe { at.cast::<u64>().read_unaligned() }
}

/// Reads a presence flag from a call frame at `at`.
///
/// # Safety
/// `at` must be valid for reading 1 byte.
pub unsafe fn read_flag(at: *const u8) -> bool {
    // SAFETY: guaranteed by the caller.
    unsafe { at.read() != 0 }
}

/// Reads a little-endian unsigned integer of `size` bytes (at most 8).
///
/// # Safety
/// `at` must be valid for reading `size` bytes.
pub unsafe fn read_uint(at: *const u8, size: u64) -> u64 {
    let mut bytes = [0u8; 8];
    let size = size.min(8) as usize;
    // SAFETY: guaranteed by the caller; `bytes` holds 8.
    unsafe { std::ptr::copy_nonoverlapping(at, bytes.as_mut_ptr(), size) };
    u64::from_le_bytes(bytes)
}

/// The number of `elem_size`-byte elements before the first all-zero one,
/// starting at `at`: the length of a `[*:0]T` run, as Zig's `std.mem.span`
/// finds it.
///
/// # Safety
/// Memory from `at` must be readable up to and including a zero element, as
/// Zig promises for every `[*:0]T` it hands out.
pub unsafe fn count_until_zero(at: *const u8, elem_size: u64) -> u64 {
    let size = elem_size as usize;
    let mut count = 0u64;
    loop {
        // SAFETY: guaranteed by the caller: no element past the terminator
        // is read.
        let element = unsafe { std::slice::from_raw_parts(at.add(count as usize * size), size) };
        if element.iter().all(|b| *b == 0) {
            return count;
        }
        count += 1;
    }
}
