//! A compiled Zig module opened with `dlopen`, and the exporter's C symbols
//! in it (see `js/zig/exporter.zig`). This is the only place that resolves
//! symbols; everything above it calls the safe methods of [`ZigLibrary`].
use std::ffi::c_void;
use std::path::{Path, PathBuf};

use libloading::os::unix::{Library, Symbol, RTLD_LOCAL, RTLD_NOW};
use zigport_marshal::descriptor::ABI_VERSION;

use crate::console::Sink;
use crate::error::RuntimeError;

/// dlopen's flag that keeps a library mapped after its last dlclose: Zig
/// threads may still run its code (and call its trampolines) while the
/// process exits, after every environment that opened it is gone.
#[cfg(not(target_vendor = "apple"))]
const RTLD_NODELETE: std::ffi::c_int = 0x1000;
#[cfg(target_vendor = "apple")]
const RTLD_NODELETE: std::ffi::c_int = 0x80;

/// `fn (frame: *anyopaque) callconv(.c) void`: runs one exported function on
/// a frame laid out as the descriptor says.
pub type Thunk = unsafe extern "C" fn(frame: *mut c_void);

type AbiVersionFn = unsafe extern "C" fn() -> u32;
type CheckLayoutsFn = unsafe extern "C" fn() -> bool;
type DescriptorFn = unsafe extern "C" fn(len: *mut usize) -> *const u8;
type ThunkFn = unsafe extern "C" fn(index: usize) -> Option<Thunk>;
type StorageFn = unsafe extern "C" fn(slot: usize, size: *mut usize) -> *mut c_void;
type ErrorNameFn = unsafe extern "C" fn(code: u32, len: *mut usize) -> *const u8;
type SetConsoleFn = unsafe extern "C" fn(sink: Option<Sink>);
type PanicEscape = unsafe extern "C" fn(message: *const u8, len: usize);
type SetPanicEscapeFn = unsafe extern "C" fn(escape: Option<PanicEscape>);
type ThreadStart = unsafe extern "C" fn();
type SetThreadStartFn = unsafe extern "C" fn(hook: Option<ThreadStart>);
type HostAlloc = unsafe extern "C" fn(len: usize, alignment: usize) -> *mut u8;
type SetHostAllocFn = unsafe extern "C" fn(alloc: Option<HostAlloc>);
/// What a trampoline calls to run a bound JS function (see `callback`).
pub type CallbackHost =
    unsafe extern "C" fn(context: *mut c_void, caller: u32, slot: u32, frame: *mut u8) -> crate::callback::Status;
type SetCallbackHostFn = unsafe extern "C" fn(host: Option<CallbackHost>, context: *mut c_void);
type CallbackContextFn = unsafe extern "C" fn() -> *mut c_void;
type CallbackAddressFn = unsafe extern "C" fn(caller: u32, slot: u32) -> usize;
/// The hooks of the `zigar` module (js/zig/zigar/host.zig).
#[repr(C)]
pub struct ZigarHooks {
    pub context: *mut c_void,
    pub release: Option<unsafe extern "C" fn(context: *mut c_void, address: usize)>,
    pub keep_alive: Option<unsafe extern "C" fn(on: bool) -> bool>,
}
type SetZigarHooksFn = unsafe extern "C" fn(hooks: *const ZigarHooks);
type ErrorTraceFn = unsafe extern "C" fn(code: u32, out: *mut usize, capacity: usize) -> usize;
type DescribeAddressFn = unsafe extern "C" fn(address: usize, out: *mut u8, capacity: usize) -> usize;

/// The two exports of a module that keeps error return traces (built with
/// runtime safety; see `js/zig/error_trace.zig`).
#[derive(Clone, Copy)]
struct TraceFns {
    take: ErrorTraceFn,
    describe: DescribeAddressFn,
}

/// Frames taken per trace (the exporter keeps at most 32).
const MAX_TRACE_FRAMES: usize = 32;
/// Room for one "function\tfile\tline\tcolumn" line.
const DESCRIPTION_CAPACITY: usize = 4096;

/// An open compiled module. Function pointers taken from it stay valid for
/// as long as this value lives.
pub struct ZigLibrary {
    path: PathBuf,
    descriptor: DescriptorFn,
    thunk: ThunkFn,
    storage: StorageFn,
    error_name: ErrorNameFn,
    set_console: SetConsoleFn,
    set_panic_escape: SetPanicEscapeFn,
    /// Absent from modules built by an exporter older than the hook.
    set_thread_start: Option<SetThreadStartFn>,
    set_host_alloc: SetHostAllocFn,
    set_callback_host: SetCallbackHostFn,
    callback_context: CallbackContextFn,
    callback_address: CallbackAddressFn,
    set_zigar_hooks: SetZigarHooksFn,
    traces: Option<TraceFns>,
    // Declared last: dropped (dlclose) after nothing above can be called.
    _library: Library,
}

impl ZigLibrary {
    /// Opens `path` and checks that it speaks this runtime's ABI.
    pub fn open(path: &Path) -> Result<Self, RuntimeError> {
        if path.as_os_str().is_empty() {
            // dlopen("") would open the main program instead.
            return Err(RuntimeError::Load { path: path.to_owned(), reason: "the path is empty".into() });
        }
        // SAFETY: opening runs the library's initialisers. The file is what
        // zigport's compiler built from the source file the user imported,
        // so its initialisers are the user's own code, which they asked for.
        let library = unsafe { Library::open(Some(path), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) }
            .map_err(|e| RuntimeError::Load { path: path.to_owned(), reason: with_causes(&e) })?;
        let abi: AbiVersionFn = symbol(&library, path, "zigport_abi_version")?;
        // SAFETY: the exporter defines this symbol with exactly this signature.
        let found = unsafe { abi() };
        if found != ABI_VERSION {
            return Err(RuntimeError::AbiMismatch { path: path.to_owned(), found, expected: ABI_VERSION });
        }
        let check_layouts: CheckLayoutsFn = symbol(&library, path, "zigport_check_layouts")?;
        // SAFETY: the exporter defines this symbol with exactly this signature.
        if !unsafe { check_layouts() } {
            return Err(RuntimeError::LayoutMismatch { path: path.to_owned() });
        }
        Ok(Self {
            path: path.to_owned(),
            descriptor: symbol(&library, path, "zigport_descriptor")?,
            thunk: symbol(&library, path, "zigport_thunk")?,
            storage: symbol(&library, path, "zigport_storage")?,
            error_name: symbol(&library, path, "zigport_error_name")?,
            set_console: symbol(&library, path, "zigport_set_console")?,
            set_panic_escape: symbol(&library, path, "zigport_set_panic_escape")?,
            set_thread_start: symbol(&library, path, "zigport_set_thread_start").ok(),
            set_host_alloc: symbol(&library, path, "zigport_set_host_alloc")?,
            set_callback_host: symbol(&library, path, "zigport_set_callback_host")?,
            callback_context: symbol(&library, path, "zigport_callback_context")?,
            callback_address: symbol(&library, path, "zigport_callback_address")?,
            set_zigar_hooks: symbol(&library, path, "zigport_set_zigar_hooks")?,
            traces: trace_fns(&library, path),
            _library: library,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// An address in the module's code, to tell its mapping by.
    pub fn code_address(&self) -> *const c_void {
        self.descriptor as *const c_void
    }

    /// The descriptor text the module carries (not yet validated).
    pub fn descriptor_text(&self) -> Result<String, RuntimeError> {
        let mut len = 0;
        // SAFETY: the exporter returns a pointer to `len` bytes of static
        // data that lives as long as the library.
        let bytes = unsafe { static_bytes((self.descriptor)(&mut len), len) };
        String::from_utf8(bytes.to_vec()).map_err(|_| RuntimeError::DescriptorEncoding { path: self.path.clone() })
    }

    /// The thunk of function `index`, if there is one.
    pub fn thunk(&self, index: usize) -> Option<Thunk> {
        // SAFETY: the exporter checks `index` and returns null when out of range.
        unsafe { (self.thunk)(index) }
    }

    /// Address and byte size of storage slot `slot` (a `pub var` or `pub const`).
    pub fn storage(&self, slot: usize) -> Option<(*mut u8, usize)> {
        let mut size = 0;
        // SAFETY: the exporter checks `slot` and returns null when out of range.
        let address = unsafe { (self.storage)(slot, &mut size) };
        (!address.is_null()).then_some((address.cast(), size))
    }

    /// The name of error code `code`. Only codes that a thunk of this module
    /// produced may be passed.
    pub fn error_name(&self, code: u32) -> String {
        let mut len = 0;
        // SAFETY: error names are static strings in the library; the caller
        // passes a code the module itself produced.
        let bytes = unsafe { static_bytes((self.error_name)(code, &mut len), len) };
        String::from_utf8_lossy(bytes).into_owned()
    }

    /// Makes the module's panics jump to `escape` (see guard.c).
    pub fn set_panic_escape(&self, escape: PanicEscape) {
        // SAFETY: the exporter stores the pointer atomically; `escape` is a
        // plain function that lives as long as the process.
        unsafe { (self.set_panic_escape)(Some(escape)) }
    }

    /// Makes every thread the module starts run `hook` first (see guard.c).
    pub fn set_thread_start(&self, hook: ThreadStart) {
        if let Some(set) = self.set_thread_start {
            // SAFETY: the exporter stores the pointer atomically; `hook` is a
            // plain function that lives as long as the process.
            unsafe { set(Some(hook)) }
        }
    }

    /// Makes the allocator the module hands its functions call `alloc`.
    pub fn set_host_alloc(&self, alloc: HostAlloc) {
        // SAFETY: the exporter stores the pointer atomically; `alloc` is a
        // plain function that lives as long as the process.
        unsafe { (self.set_host_alloc)(Some(alloc)) }
    }

    /// Makes the module's trampolines call `host` with `context`.
    pub fn set_callback_host(&self, host: CallbackHost, context: *mut c_void) {
        // SAFETY: the exporter stores both atomically; `host` is a plain
        // function and `context` a leaked table, both living as long as the process.
        unsafe { (self.set_callback_host)(Some(host), context) }
    }

    /// The context of the callback host installed in the module, null when
    /// none is (the library is loaded once however many environments open it).
    pub fn callback_context(&self) -> *mut c_void {
        // SAFETY: the exporter only reads an atomic.
        unsafe { (self.callback_context)() }
    }

    /// Connects the module's `zigar` module to the host.
    pub fn set_zigar_hooks(&self, hooks: &ZigarHooks) {
        // SAFETY: the exporter copies the struct; its functions live as long
        // as the process and its context is a leaked table or null.
        unsafe { (self.set_zigar_hooks)(hooks) }
    }

    /// The address of trampoline `slot` of caller `caller`, 0 when there is none.
    pub fn callback_address(&self, caller: u32, slot: u32) -> usize {
        // SAFETY: the exporter range-checks both and only takes an address.
        unsafe { (self.callback_address)(caller, slot) }
    }

    /// Whether the module keeps the error return traces of its calls.
    pub fn keeps_error_traces(&self) -> bool {
        self.traces.is_some()
    }

    /// This thread's error return trace for the call that just returned
    /// error `code`, innermost frame first; empty when there is none.
    pub fn error_trace(&self, code: u32) -> Vec<usize> {
        let Some(fns) = self.traces else { return Vec::new() };
        let mut out = vec![0usize; MAX_TRACE_FRAMES];
        // SAFETY: the exporter writes at most `capacity` addresses to `out`.
        let len = unsafe { (fns.take)(code, out.as_mut_ptr(), out.len()) };
        out.truncate(len.min(MAX_TRACE_FRAMES));
        out
    }

    /// "function\tfile\tline\tcolumn" for a return address from an error
    /// trace, read from the module's own debug info; None when unknown.
    pub fn describe_address(&self, address: usize) -> Option<String> {
        let fns = self.traces?;
        let mut out = vec![0u8; DESCRIPTION_CAPACITY];
        // SAFETY: the exporter writes at most `capacity` bytes to `out`. It
        // only looks `address` up in debug info, never reads memory there.
        let len = unsafe { (fns.describe)(address, out.as_mut_ptr(), out.len()) };
        out.truncate(len.min(DESCRIPTION_CAPACITY));
        (len > 0).then(|| String::from_utf8_lossy(&out).into_owned())
    }

    /// Routes the module's writes to fds 1 and 2 through `sink`.
    pub fn set_console(&self, sink: Sink) {
        // SAFETY: the exporter stores the pointer atomically; `sink` is a
        // plain function that lives as long as the process.
        unsafe { (self.set_console)(Some(sink)) }
    }
}

/// An error's message followed by its causes (dlerror's text is a cause).
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

fn symbol<T: Copy>(library: &Library, path: &Path, name: &'static str) -> Result<T, RuntimeError> {
    // SAFETY: `T` is the signature the exporter gives `name`; the copied
    // pointer is only used while `library` is kept alive by `ZigLibrary`.
    let found: Result<Symbol<T>, _> = unsafe { library.get(name.as_bytes()) };
    found.map(|s| *s).map_err(|_| RuntimeError::MissingSymbol { path: path.to_owned(), symbol: name })
}

/// The trace exports, when the module has both.
fn trace_fns(library: &Library, path: &Path) -> Option<TraceFns> {
    let take = symbol(library, path, "zigport_error_trace").ok()?;
    let describe = symbol(library, path, "zigport_describe_address").ok()?;
    Some(TraceFns { take, describe })
}

/// # Safety
/// `ptr` must point to `len` readable bytes that outlive the returned slice.
unsafe fn static_bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if ptr.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: guaranteed by the caller.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}
