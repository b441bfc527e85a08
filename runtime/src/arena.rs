//! The argument arena: one block of memory per loaded module, shared with JS
//! as an ArrayBuffer, where call frames are written. It is a stack: a call
//! that re-enters places its frame above its caller's. The first
//! [`HEADER_SIZE`] bytes are a header whose first u32 is the offset of the
//! frame the next call uses; JS sets it, the runtime checks it.
use std::alloc::{self, Layout};
use std::ptr::NonNull;

/// Bytes reserved at the start of the arena for the header.
pub const HEADER_SIZE: usize = 64;
/// Total arena size. Frames hold scalars and pointers, so this is ample.
pub const ARENA_SIZE: usize = 64 * 1024;
const ARENA_ALIGN: usize = 64;

pub struct Arena {
    base: NonNull<u8>,
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
        let arena = Self { base };
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

    /// The frame for the next call, if the header names one that holds
    /// `size` bytes at alignment `align` inside the arena.
    #[inline]
    pub fn frame(&self, size: usize, align: usize) -> Option<*mut u8> {
        // SAFETY: as in `set_frame_offset`. Volatile because JS writes the
        // header through its ArrayBuffer between calls.
        let offset = unsafe { self.base.as_ptr().cast::<u32>().read_volatile() } as usize;
        let fits = (HEADER_SIZE..=ARENA_SIZE).contains(&offset) && offset % align == 0 && size <= ARENA_SIZE - offset;
        // SAFETY: `offset` was just checked to be inside the allocation.
        fits.then(|| unsafe { self.base.as_ptr().add(offset) })
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        // SAFETY: allocated in `new` with this layout.
        unsafe { alloc::dealloc(self.base.as_ptr(), Self::layout()) }
    }
}
