//! The memory files behind tieable buffers: anonymous, sized in whole pages
//! and sealed against resizing, since a tied file that shrinks would make
//! every access to the pages it lost kill the process with SIGBUS.
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};

use rustix::fs::{fcntl_add_seals, ftruncate, memfd_create, MemfdFlags, SealFlags};

use super::error::{os, TieError};

/// A sealed memfd of a fixed size; closed when dropped.
#[derive(Debug)]
pub struct Memfd {
    fd: OwnedFd,
    size: u64,
}

impl Memfd {
    /// A new zero-filled file of `size` bytes (a positive multiple of the
    /// page size), which can never shrink or grow.
    pub fn create(size: u64) -> Result<Self, TieError> {
        let fd = memfd_create(c"zigport-tie", MemfdFlags::CLOEXEC | MemfdFlags::ALLOW_SEALING)
            .map_err(os("memfd_create"))?;
        ftruncate(&fd, size).map_err(os("ftruncate of a memfd"))?;
        fcntl_add_seals(&fd, SealFlags::SHRINK | SealFlags::GROW).map_err(os("sealing a memfd"))?;
        Ok(Self { fd, size })
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    pub fn raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

impl AsFd for Memfd {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

#[cfg(test)]
mod tests {
    use rustix::fs::fcntl_get_seals;

    use super::*;

    #[test]
    fn a_memfd_has_its_size_and_cannot_be_resized() {
        let memfd = Memfd::create(8192).unwrap();
        assert_eq!(rustix::fs::fstat(&memfd).unwrap().st_size, 8192);
        let seals = fcntl_get_seals(&memfd).unwrap();
        assert!(seals.contains(SealFlags::SHRINK | SealFlags::GROW));
        assert!(ftruncate(&memfd, 4096).is_err());
        assert!(ftruncate(&memfd, 16384).is_err());
    }
}
