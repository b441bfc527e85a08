//! What the JS half hands over for one call: each memory range a pointer
//! argument refers to (a *target*), and the checks a target must pass before
//! the planner does arithmetic on it.

/// Identifies a JS `ArrayBuffer` among those a call's arguments refer to. The
/// planner only compares ids; the runtime knows which buffer each one names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BufferId(pub u32);

/// Largest alignment a pointee type may ask for (one OS page).
pub const MAX_ALIGN: u64 = 4096;

/// One memory range a pointer argument refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The buffer the range lies in.
    pub buffer: BufferId,
    /// Byte offset of the range from the buffer's start.
    pub offset: u64,
    /// Length of the range in bytes; 0 for an empty slice.
    pub len: u64,
    /// Alignment the pointee type needs: a power of two from 1 to [`MAX_ALIGN`].
    pub align: u64,
    /// Whether the pointer is non-const, so Zig may write through it.
    pub writable: bool,
}

/// Why a target was refused before planning.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("alignment {0} is not a power of two from 1 to {MAX_ALIGN}")]
    BadAlignment(u64),
    #[error("offset {offset} plus length {len} overflows")]
    RangeOverflow { offset: u64, len: u64 },
}

impl Target {
    /// Offset one past the range's last byte. Only meaningful after
    /// [`Target::check`] succeeded (it cannot overflow then).
    pub fn end(&self) -> u64 {
        self.offset + self.len
    }

    /// Whether the target covers no bytes (it then needs no memory at all).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether `address` is a multiple of the target's alignment.
    pub fn is_aligned_at(&self, address: u64) -> bool {
        address & (self.align - 1) == 0
    }

    /// Refuses alignments that are not powers of two up to [`MAX_ALIGN`] and
    /// ranges whose end does not fit in a `u64`.
    pub fn check(&self) -> Result<(), TargetError> {
        if !self.align.is_power_of_two() || self.align > MAX_ALIGN {
            return Err(TargetError::BadAlignment(self.align));
        }
        match self.offset.checked_add(self.len) {
            Some(_) => Ok(()),
            None => Err(TargetError::RangeOverflow { offset: self.offset, len: self.len }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(offset: u64, len: u64, align: u64) -> Target {
        Target { buffer: BufferId(0), offset, len, align, writable: false }
    }

    #[test]
    fn accepts_powers_of_two_up_to_a_page() {
        for shift in 0..=12 {
            assert_eq!(target(0, 4, 1 << shift).check(), Ok(()));
        }
    }

    #[test]
    fn refuses_other_alignments() {
        for align in [0, 3, 12, 8192] {
            assert_eq!(target(0, 4, align).check(), Err(TargetError::BadAlignment(align)));
        }
    }

    #[test]
    fn refuses_a_range_that_wraps() {
        let t = target(u64::MAX - 1, 4, 1);
        assert_eq!(t.check(), Err(TargetError::RangeOverflow { offset: u64::MAX - 1, len: 4 }));
    }

    #[test]
    fn is_aligned_at_tests_the_low_bits() {
        let t = target(0, 4, 8);
        assert!(t.is_aligned_at(0x1000));
        assert!(t.is_aligned_at(0x1008));
        assert!(!t.is_aligned_at(0x1004));
    }
}
