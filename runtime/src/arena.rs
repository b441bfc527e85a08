//! The argument arena: one block of memory per loaded module, shared with JS
//! as an ArrayBuffer, where call frames are written. It is a stack: a call
//! that re-enters places its frame above its caller's. The first
//! [`HEADER_SIZE`] bytes are a header whose first u32 is the offset of the
//! frame the next call uses and whose second is the id of the function to
//! run; JS sets both, the runtime checks them.
use std::alloc::{self, Layout};
use std::ptr::NonNull;

/// Bytes reserved at the start of the arena for the header.
pub const HEADER_SIZE: usize = 64;
/// Total arena size. Frames hold scalars and pointers, so this is ample.
pub const ARENA_SIZE: usize = 256 * 1024;
const ARENA_ALIGN: usize = 64;

pub struct Arena {
    base: NonNull<u8>,
    /// Whether `base` is this arena's own allocation, freed on drop; if not,
    /// it is a JS-owned ArrayBuffer's data (see `over_js_memory`).
    owned: bool,
}

// SAFETY: the arena is a plain heap block with no thread affinity; JS and the
// runtime only touch it from the thread that owns the module's environment.
unsafe impl Send for Arena {}
// SAFETY: as above; shared references only read the base address.
unsafe impl Sync for Arena {}

impl Arena {
    pub fn new() -> Self {
        let layout = Self::layout();
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc::alloc_zeroed(layout) };
        let base = NonNull::new(raw).unwrap_or_else(|| alloc::handle_alloc_error(layout));
        let arena = Self { base, owned: true };
        arena.set_frame_offset(HEADER_SIZE as u32);
        arena
    }

    /// An arena in the ARENA_SIZE zeroed bytes of a JS-owned ArrayBuffer,
    /// for engines that refuse external buffers. Its alignment is the JS
    /// allocator's (16 bytes under Node and Electron), not ARENA_ALIGN:
    /// `frame_at` checks each frame's address itself.
    ///
    /// # Safety
    /// `base` holds ARENA_SIZE writable bytes that stay put for as long as
    /// the arena is used (the caller keeps a strong reference to the buffer).
    pub unsafe fn over_js_memory(base: NonNull<u8>) -> Self {
        let arena = Self { base, owned: false };
        arena.set_frame_offset(HEADER_SIZE as u32);
        arena
    }

    fn layout() -> Layout {
        Layout::from_size_align(ARENA_SIZE, ARENA_ALIGN).expect("constant layout is valid")
    }

    pub fn base(&self) -> *mut u8 {
        self.base.as_ptr()
    }

    fn set_frame_offset(&self, offset: u32) {
        // SAFETY: the header's first 4 bytes are inside the allocation and
        // aligned (the arena is 64-byte aligned).
        unsafe { self.base.as_ptr().cast::<u32>().write_volatile(offset) }
    }

    /// The header: (frame offset, function id). Volatile because JS writes
    /// it through its ArrayBuffer between calls.
    #[inline]
    pub fn header(&self) -> (usize, u32) {
        let words = self.base.as_ptr().cast::<u32>();
        // SAFETY: the header's first 8 bytes are inside the allocation and
        // aligned (the arena is 64-byte aligned).
        unsafe { (words.read_volatile() as usize, words.add(1).read_volatile()) }
    }

    /// Header words 2 and 3: (count, offset) of a call's pointer-target
    /// records (see `pointer_call`).
    pub fn record_table(&self) -> (usize, usize) {
        let words = self.base.as_ptr().cast::<u32>();
        // SAFETY: as in `header`; words 2 and 3 are within the header.
        unsafe { (words.add(2).read_volatile() as usize, words.add(3).read_volatile() as usize) }
    }

    /// Header words the pointer invoker fills after a call: word 4, whether
    /// console output may be waiting; word 5, the result kind (0 null, 1 in
    /// argument `arg`, 2 Zig memory, 3 in a buffer the host allocator made,
    /// which the invoker returns; 4 a handle, which the invoker returns); word 6, `arg`; f64s at bytes 32, 40, 48:
    /// byte offset in that buffer, byte length, address.
    pub fn set_call_outcome(&self, console: bool, kind: u32, arg: u32, offset: u64, len: u64, address: u64) {
        let base = self.base.as_ptr();
        // SAFETY: bytes 16..56 are inside the header, and each write is
        // aligned to its size (the arena is 64-byte aligned).
        unsafe {
            base.add(16).cast::<u32>().write_volatile(u32::from(console));
            base.add(20).cast::<u32>().write_volatile(kind);
            base.add(24).cast::<u32>().write_volatile(arg);
            base.add(32).cast::<f64>().write_volatile(offset as f64);
            base.add(40).cast::<f64>().write_volatile(len as f64);
            base.add(48).cast::<f64>().write_volatile(address as f64);
        }
    }

    /// Header word 14: how many result-place entries the pointer invoker
    /// wrote at the record table's offset (see `result_places`).
    pub fn set_entry_count(&self, count: u32) {
        // SAFETY: bytes 56..60 are inside the header and aligned for a u32.
        unsafe { self.base.as_ptr().add(56).cast::<u32>().write_volatile(count) }
    }

    /// Copies `data` into the arena at `offset`, if it fits past the header.
    /// Only while no JS runs (the invoker's own callback), so nothing else
    /// reads or writes these bytes meanwhile.
    pub fn write_bytes(&self, offset: usize, data: &[u8]) -> bool {
        let fits = (HEADER_SIZE..=ARENA_SIZE).contains(&offset) && data.len() <= ARENA_SIZE - offset;
        if fits {
            // SAFETY: the range was just checked to lie inside the allocation.
            unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.base.as_ptr().add(offset), data.len()) };
        }
        fits
    }

    /// The `len` bytes at `offset`, if inside the arena past the header.
    /// JS writes the arena only between calls, so the bytes do not change
    /// while the runtime holds this slice during one.
    pub fn bytes(&self, offset: usize, len: usize) -> Option<&[u8]> {
        let inside = (HEADER_SIZE..=ARENA_SIZE).contains(&offset) && len <= ARENA_SIZE - offset;
        // SAFETY: the range was just checked to lie inside the allocation.
        inside.then(|| unsafe { std::slice::from_raw_parts(self.base.as_ptr().add(offset), len) })
    }

    /// The frame at `offset`, if it holds `size` bytes at alignment `align`
    /// (a power of two) inside the arena, past the header.
    #[inline]
    pub fn frame_at(&self, offset: usize, size: usize, align: usize) -> Option<*mut u8> {
        debug_assert!(align.is_power_of_two());
        // A mask, not `%`: this runs on every call and division is slow.
        // The address, not the offset: an arena in JS memory may be less
        // aligned than ARENA_ALIGN.
        let aligned = (self.base.as_ptr() as usize).wrapping_add(offset) & (align - 1) == 0;
        let fits = (HEADER_SIZE..=ARENA_SIZE).contains(&offset) && aligned && size <= ARENA_SIZE - offset;
        // SAFETY: `offset` was just checked to be inside the allocation.
        fits.then(|| unsafe { self.base.as_ptr().add(offset) })
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        if !self.owned {
            return;
        }
        // SAFETY: allocated in `new` with this layout.
        unsafe { alloc::dealloc(self.base.as_ptr(), Self::layout()) }
    }
}
