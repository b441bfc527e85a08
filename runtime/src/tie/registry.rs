//! What the tie primitives remember, process-wide: which buffers are
//! tieable (by data address) and which ranges of which memories are tied.
//! Ties are checked against it before any mapping changes, so a caller's
//! mistake becomes an error instead of a mapping over the wrong bytes.
use std::collections::BTreeMap;
use std::os::fd::RawFd;
use std::sync::{Arc, Mutex, MutexGuard};

use super::error::TieError;
use super::memfd::Memfd;

/// Most ties alive at once. Each tie splits the memory's mapping entry in
/// up to three, and a process has `vm.max_map_count` (65530 by default)
/// entries in all, past which V8 aborts on its next mapping.
pub const MAX_LIVE_TIES: usize = 8192;

/// A tieable buffer: its memfd and the byte length JS sees.
#[derive(Debug, Clone)]
pub struct TieableEntry {
    pub memfd: Arc<Memfd>,
    pub byte_length: u64,
}

/// One live tie: `len` bytes at `offset` in the memory whose data was at
/// `base` when tied, mapped from `fd` at `source_offset`. The fd is a
/// record only: it closes when its buffer is collected, and the mapping
/// keeps the file alive without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TieRecord {
    pub base: u64,
    pub offset: u64,
    pub len: u64,
    pub fd: RawFd,
    pub source_offset: u64,
}

impl TieRecord {
    fn end(&self) -> u64 {
        self.offset + self.len
    }
}

pub struct Registry {
    /// Keyed by data address.
    buffers: BTreeMap<u64, TieableEntry>,
    /// Keyed by (memory base, offset); ties never overlap.
    ties: BTreeMap<(u64, u64), TieRecord>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry::new());

/// The registry, locked. A panic while it was locked cannot have left it
/// half-updated (every update is one insert or remove), so poisoning is
/// ignored.
pub fn lock() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Registry {
    const fn new() -> Self {
        Self { buffers: BTreeMap::new(), ties: BTreeMap::new() }
    }

    pub fn add_buffer(&mut self, address: u64, entry: TieableEntry) {
        self.buffers.insert(address, entry);
    }

    pub fn remove_buffer(&mut self, address: u64) {
        self.buffers.remove(&address);
    }

    /// The tieable buffer whose data is at `address` and is `byte_length`
    /// bytes long.
    pub fn buffer(&self, address: u64, byte_length: u64) -> Option<&TieableEntry> {
        self.buffers.get(&address).filter(|entry| entry.byte_length == byte_length)
    }

    pub fn is_buffer_address(&self, address: u64) -> bool {
        self.buffers.contains_key(&address)
    }

    pub fn live_ties(&self) -> usize {
        self.ties.len()
    }

    pub fn is_full(&self) -> bool {
        self.ties.len() >= MAX_LIVE_TIES
    }

    /// Refuses a range of the memory at `base` that overlaps a live tie.
    pub fn check_free(&self, base: u64, offset: u64, len: u64) -> Result<(), TieError> {
        let end = offset + len;
        let before_end = self.ties.range((base, 0)..(base, end)).next_back();
        match before_end.map(|(_, tie)| tie).filter(|tie| tie.end() > offset) {
            Some(tie) => Err(TieError::AlreadyTied { offset, end, tied_offset: tie.offset, tied_end: tie.end() }),
            None => Ok(()),
        }
    }

    /// Records a tie; the range must be free (see [`Registry::check_free`]).
    pub fn add_tie(&mut self, tie: TieRecord) {
        self.ties.insert((tie.base, tie.offset), tie);
    }

    /// Removes the tie of exactly `len` bytes at `offset` of the memory at
    /// `base`, or refuses if there is none.
    pub fn take_tie(&mut self, base: u64, offset: u64, len: u64) -> Result<TieRecord, TieError> {
        match self.ties.get(&(base, offset)) {
            Some(tie) if tie.len == len => Ok(self.ties.remove(&(base, offset)).expect("just found")),
            _ => Err(TieError::NotTied { base, offset, end: offset + len }),
        }
    }

    /// Forgets every tie of the memory at `base` without touching any
    /// mapping; returns how many there were.
    pub fn forget_ties(&mut self, base: u64) -> usize {
        let kept = self.ties.split_off(&(base + 1, 0));
        let forgotten = self.ties.split_off(&(base, 0)).len();
        self.ties.extend(kept);
        forgotten
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tie(base: u64, offset: u64, len: u64) -> TieRecord {
        TieRecord { base, offset, len, fd: 3, source_offset: 0 }
    }

    #[test]
    fn a_range_overlapping_a_tie_is_refused() {
        let mut registry = Registry::new();
        registry.add_tie(tie(0x10000, 4096, 8192));
        assert!(registry.check_free(0x10000, 0, 4096).is_ok());
        assert!(registry.check_free(0x10000, 12288, 4096).is_ok());
        assert!(registry.check_free(0x20000, 4096, 4096).is_ok());
        assert!(registry.check_free(0x10000, 0, 8192).is_err());
        assert!(registry.check_free(0x10000, 8192, 8192).is_err());
    }

    #[test]
    fn only_an_exact_tie_is_taken() {
        let mut registry = Registry::new();
        registry.add_tie(tie(0x10000, 4096, 8192));
        assert!(registry.take_tie(0x10000, 4096, 4096).is_err());
        assert!(registry.take_tie(0x20000, 4096, 8192).is_err());
        assert_eq!(registry.take_tie(0x10000, 4096, 8192).unwrap(), tie(0x10000, 4096, 8192));
        assert_eq!(registry.live_ties(), 0);
    }

    #[test]
    fn forgetting_a_memory_keeps_the_others_ties() {
        let mut registry = Registry::new();
        for base in [0x10000, 0x20000, 0x30000] {
            registry.add_tie(tie(base, 0, 4096));
            registry.add_tie(tie(base, 8192, 4096));
        }
        assert_eq!(registry.forget_ties(0x20000), 2);
        assert_eq!(registry.live_ties(), 4);
        assert!(registry.check_free(0x20000, 0, 4096).is_ok());
        assert!(registry.check_free(0x30000, 8192, 4096).is_err());
    }
}
