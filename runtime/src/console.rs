//! Captures what Zig code writes to stdout/stderr on a JS thread, so the JS
//! half can print it through `console.log` (or where `__zigar.redirect` and
//! `__zigar.on('log')` send it), in order with JS's own output.
//!
//! The buffer is a run of records, `[fd: u8][len: u32 LE][bytes]`, so the JS
//! half can tell stdout from stderr while keeping their relative order.
//!
//! Capture is per thread because each Node environment (main thread or
//! worker) runs on its own thread and prints through its own `console`.
//! Bytes written from a thread that is not capturing (a thread Zig spawned)
//! go to the real file descriptor instead. Every capturing thread's buffer
//! is also listed process-wide, so that an `exit()` on any thread, one Zig
//! spawned included, writes out what every JS thread was still holding, as
//! does the end of the process after a stack overflow on a thread Zig
//! spawned ([`zigport_write_held_output`], from the signal handler).
//!
//! The check made after every call is one relaxed load of a process-wide
//! count of threads holding captured output (a thread-local lookup in a
//! dlopen'ed library costs a function call). A thread that sees the count
//! raised by another thread merely takes an empty buffer.
use std::cell::RefCell;
use std::ffi::c_int;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError, Weak};

/// Signature of the console sink the exporter calls (`console.Sink` in
/// `js/zig/console.zig`).
pub type Sink = unsafe extern "C" fn(fd: c_int, bytes: *const u8, len: usize) -> bool;

/// One thread's captured records; locked by its thread to append or take,
/// and by an exiting thread to write them out.
type Captured = Arc<Mutex<Vec<u8>>>;

thread_local! {
    static CAPTURED: RefCell<Option<Captured>> = const { RefCell::new(None) };
}

/// The buffers of every thread that captures (dead ones are dropped when another registers).
static CAPTURING: Mutex<Vec<Weak<Mutex<Vec<u8>>>>> = Mutex::new(Vec::new());

/// Number of threads whose capture buffer is not empty.
static THREADS_WITH_OUTPUT: AtomicUsize = AtomicUsize::new(0);

/// A lock that a panic elsewhere did not make unusable: the bytes stay valid.
fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts capturing on the calling thread (idempotent).
pub fn capture_this_thread() {
    CAPTURED.with(|c| {
        let mut slot = c.borrow_mut();
        if slot.is_none() {
            let buffer = Captured::default();
            let mut all = locked(&CAPTURING);
            all.retain(|weak| weak.strong_count() > 0);
            all.push(Arc::downgrade(&buffer));
            *slot = Some(buffer);
        }
    });
}

/// Whether some thread may have captured output awaiting [`take`].
#[inline]
pub fn has_pending() -> bool {
    THREADS_WITH_OUTPUT.load(Ordering::Relaxed) != 0
}

/// Bytes before each record's data: the fd and the length.
const RECORD_HEADER: usize = 5;

/// Removes and returns what was captured on this thread (see the module
/// comment for its layout).
pub fn take() -> Vec<u8> {
    CAPTURED.with(|c| c.borrow().as_ref().map(|buffer| take_from(&mut locked(buffer))).unwrap_or_default())
}

fn take_from(buffer: &mut Vec<u8>) -> Vec<u8> {
    let taken = std::mem::take(buffer);
    if !taken.is_empty() {
        THREADS_WITH_OUTPUT.fetch_sub(1, Ordering::Relaxed);
    }
    taken
}

/// The `fd` with which the exporter asks for the captured output
/// to go to the real stdout and stderr: the process is about to end from
/// Zig (`exit()`, or a panic no call can take) and JS will not print it.
const FLUSH_AT_EXIT: c_int = -1;

/// The sink handed to every module. Must not unwind: it is called from Zig.
pub unsafe extern "C" fn sink(fd: c_int, bytes: *const u8, len: usize) -> bool {
    if fd == FLUSH_AT_EXIT {
        write_captured_to_descriptors();
        return true;
    }
    if bytes.is_null() {
        return len == 0;
    }
    // Only stdout and stderr are offered; a record's length field is 32 bits.
    let (Ok(tag @ 1..=2), Ok(len32)) = (u8::try_from(fd), u32::try_from(len)) else {
        return false;
    };
    // SAFETY: the exporter passes the buffer given to write(2): `len`
    // readable bytes that stay valid for the duration of this call.
    let data = unsafe { std::slice::from_raw_parts(bytes, len) };
    let captured = CAPTURED.try_with(|c| match c.try_borrow() {
        Ok(slot) => match slot.as_ref() {
            Some(buffer) => {
                let mut buf = locked(buffer);
                if buf.is_empty() && !data.is_empty() {
                    THREADS_WITH_OUTPUT.fetch_add(1, Ordering::Relaxed);
                }
                buf.reserve(RECORD_HEADER + data.len());
                buf.push(tag);
                buf.extend_from_slice(&len32.to_le_bytes());
                buf.extend_from_slice(data);
                true
            }
            None => false,
        },
        Err(_) => false,
    });
    captured.unwrap_or(false)
}

/// Writes every thread's captured records to their file descriptors: the
/// process ends on this thread, and JS will not run again on any.
fn write_captured_to_descriptors() {
    for records in take_from_every_thread() {
        write_records(&records);
    }
}

/// Removes and returns what every capturing thread holds, in the order the threads began capturing.
fn take_from_every_thread() -> Vec<Vec<u8>> {
    let buffers: Vec<Captured> = locked(&CAPTURING).iter().filter_map(Weak::upgrade).collect();
    buffers.iter().map(|buffer| take_from(&mut locked(buffer))).collect()
}

/// Writes what every capturing thread holds to its file descriptors, from
/// the SIGSEGV handler before it ends the process (runtime/src/guard.c).
/// Neither allocates nor waits, since the faulting thread may hold the
/// allocator's lock or be anywhere: a lock that is taken is passed over,
/// and its bytes are lost with the process.
#[unsafe(no_mangle)]
pub extern "C" fn zigport_write_held_output() {
    let Some(all) = try_locked(&CAPTURING) else { return };
    for buffer in all.iter().filter_map(Weak::upgrade) {
        if let Some(records) = try_locked(&buffer) {
            write_records(&records);
        }
    }
}

/// A lock taken only if free at once (a compare-and-swap, no wait).
fn try_locked<T>(mutex: &Mutex<T>) -> Option<MutexGuard<'_, T>> {
    match mutex.try_lock() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

fn write_records(records: &[u8]) {
    let mut rest = records;
    while rest.len() >= RECORD_HEADER {
        let fd = c_int::from(rest[0]);
        let len = u32::from_le_bytes([rest[1], rest[2], rest[3], rest[4]]) as usize;
        let data = &rest[RECORD_HEADER..(RECORD_HEADER + len).min(rest.len())];
        write_all(fd, data);
        rest = &rest[RECORD_HEADER + data.len()..];
    }
}

fn write_all(fd: c_int, mut data: &[u8]) {
    while !data.is_empty() {
        // SAFETY: `data` is a live slice of `data.len()` bytes.
        let written = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if written <= 0 {
            return;
        }
        data = &data[written as usize..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Taking from every thread would take another test's records midway.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    #[test]
    fn records_keep_the_fd_and_order_of_each_write() {
        let _serial = locked(&ONE_AT_A_TIME);
        capture_this_thread();
        // SAFETY: the buffers are valid for their lengths.
        unsafe {
            assert!(sink(1, b"out".as_ptr(), 3));
            assert!(sink(2, b"err!".as_ptr(), 4));
            assert!(!sink(3, b"x".as_ptr(), 1));
        }
        assert_eq!(take(), b"\x01\x03\0\0\0out\x02\x04\0\0\0err!".to_vec());
        assert!(take().is_empty());
    }

    #[test]
    fn an_exit_on_any_thread_reaches_what_other_threads_captured() {
        let _serial = locked(&ONE_AT_A_TIME);
        let (captured, wrote) = std::sync::mpsc::channel();
        let (done, finish) = std::sync::mpsc::channel::<()>();
        let js_thread = std::thread::spawn(move || {
            capture_this_thread();
            // SAFETY: the buffer is valid for its length.
            assert!(unsafe { sink(2, b"still held".as_ptr(), 10) });
            captured.send(()).unwrap();
            finish.recv().unwrap();
            take()
        });
        wrote.recv().unwrap();
        // This thread never captured, as a thread Zig spawned.
        let taken = take_from_every_thread();
        assert!(taken.contains(&b"\x02\x0a\0\0\0still held".to_vec()), "{taken:?}");
        done.send(()).unwrap();
        assert!(js_thread.join().unwrap().is_empty(), "taken twice");
    }
}
