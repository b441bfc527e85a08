//! The trampolines of one loaded library and the environment each is bound
//! to. A library opened by several environments (workers) is loaded once,
//! so its trampolines are shared: this table is per library, process-wide,
//! and a slot is bound by one environment at a time.
use std::collections::HashMap;
use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicU32, Ordering};
use std::sync::Mutex;

use zigport_marshal::descriptor::{Descriptor, FunctionRole};

use super::{js_thread, other_thread, EnvCallbacks, Status};
use crate::library::{ZigLibrary, ZigarHooks};

/// One function-pointer type's trampolines.
pub(super) struct CallerSlots {
    pub frame_size: usize,
    pub frame_align: usize,
    /// Whether a call from another thread waits for JS (a result to
    /// return, or arguments that point into the caller's memory).
    pub waits: bool,
    /// Whether the arguments hold pointers (see `CallbackFrame::pointers`).
    pub pointers: bool,
    owners: Box<[AtomicPtr<EnvCallbacks>]>,
    /// The JS module's key in its environment, per slot.
    modules: Box<[AtomicU32]>,
}

/// The trampolines of one library, by caller function index (a vector, not
/// a map: every call looks its caller up, and indices are small).
pub struct CallbackSlots {
    callers: Vec<Option<CallerSlots>>,
    /// (caller, slot) by trampoline address, for `zigar.function.release`.
    addresses: HashMap<usize, (u32, u32)>,
}

/// Serializes the first open of a library by several environments.
static INSTALL: Mutex<()> = Mutex::new(());

impl CallbackSlots {
    /// The library's table, installing it as the library's callback host on
    /// first use. Leaked: the library's code may call it until the process ends.
    pub fn for_library(library: &ZigLibrary, descriptor: &Descriptor) -> &'static CallbackSlots {
        let _installing = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
        let existing = library.callback_context();
        if !existing.is_null() {
            // SAFETY: only this function installs a context, always a leaked CallbackSlots.
            return unsafe { &*existing.cast::<CallbackSlots>() };
        }
        let table: &'static CallbackSlots = Box::leak(Box::new(Self::from_descriptor(library, descriptor)));
        library.set_callback_host(run_callback, ptr::from_ref(table).cast_mut().cast());
        table
    }

    /// Connects the library's `zigar` module to the host, with `table` (the
    /// library's, when it has trampolines) for releasing JS functions.
    pub fn connect_zigar(library: &ZigLibrary, table: Option<&'static CallbackSlots>) {
        let context = table.map_or(ptr::null_mut(), |t| ptr::from_ref(t).cast_mut().cast());
        library.set_zigar_hooks(&ZigarHooks { context, release: Some(release_from_zig), keep_alive: Some(keep_alive) });
    }

    fn from_descriptor(library: &ZigLibrary, descriptor: &Descriptor) -> Self {
        let mut callers = Vec::new();
        let mut addresses = HashMap::new();
        for (index, f) in descriptor.functions.iter().enumerate() {
            let (Some(FunctionRole::Caller), Some(callback)) = (f.role, &f.callback) else { continue };
            let n = callback.slots as usize;
            for slot in 0..callback.slots {
                addresses.insert(library.callback_address(index as u32, slot), (index as u32, slot));
            }
            callers.resize_with(callers.len().max(index + 1), || None);
            callers[index] = Some(CallerSlots {
                frame_size: callback.frame.size as usize,
                frame_align: callback.frame.align as usize,
                waits: callback.waits,
                pointers: callback.pointers,
                owners: (0..n).map(|_| AtomicPtr::new(ptr::null_mut())).collect(),
                modules: (0..n).map(|_| AtomicU32::new(0)).collect(),
            });
        }
        Self { callers, addresses }
    }

    fn caller(&self, caller: u32) -> Option<&CallerSlots> {
        self.callers.get(caller as usize)?.as_ref()
    }

    /// Binds a free slot of caller `caller` to `owner` (module `module` of
    /// it); `None` when every slot is bound.
    pub fn bind(&self, caller: u32, owner: &'static EnvCallbacks, module: u32) -> Option<u32> {
        let slots = self.caller(caller)?;
        let owner = ptr::from_ref(owner).cast_mut();
        for (slot, cell) in slots.owners.iter().enumerate() {
            slots.modules[slot].store(module, Ordering::Relaxed);
            if cell.compare_exchange(ptr::null_mut(), owner, Ordering::AcqRel, Ordering::Relaxed).is_ok() {
                return Some(slot as u32);
            }
        }
        None
    }

    /// Frees slot `slot` of caller `caller` if `owner` holds it.
    pub fn release(&self, caller: u32, slot: u32, owner: &'static EnvCallbacks) -> bool {
        let Some(cell) = self.caller(caller).and_then(|s| s.owners.get(slot as usize)) else { return false };
        let owner = ptr::from_ref(owner).cast_mut();
        cell.compare_exchange(owner, ptr::null_mut(), Ordering::AcqRel, Ordering::Relaxed).is_ok()
    }

    /// The environment slot `slot` of `caller` is bound to, with its module key.
    fn owner(&self, caller: u32, slot: u32) -> Option<(&CallerSlots, &'static EnvCallbacks, u32)> {
        let slots = self.caller(caller)?;
        let owner = slots.owners.get(slot as usize)?.load(Ordering::Acquire);
        // SAFETY: owners are leaked EnvCallbacks (see EnvCallbacks::create), never freed.
        let owner = unsafe { owner.as_ref() }?;
        Some((slots, owner, slots.modules[slot as usize].load(Ordering::Relaxed)))
    }
}

/// What a trampoline calls: runs the JS function bound to `slot` of
/// `caller` on `frame` (a `callback.Frame(F)` of that caller's type).
///
/// # Safety
/// `context` is the table installed with it and `frame` a frame of the
/// caller's callback frame layout, valid for the duration of the call.
unsafe extern "C" fn run_callback(context: *mut c_void, caller: u32, slot: u32, frame: *mut u8) -> Status {
    // SAFETY: see `for_library`: the installed context is a leaked table.
    let table = unsafe { &*context.cast::<CallbackSlots>() };
    let Some((slots, owner, module)) = table.owner(caller, slot) else { return Status::Released };
    if owner.is_closed() {
        return Status::Closed;
    }
    let call = js_thread::Call {
        module,
        caller,
        slot,
        frame_size: slots.frame_size,
        frame_align: slots.frame_align,
        release: false,
        pointers: slots.pointers,
    };
    if owner.is_js_thread() {
        // SAFETY: `frame` holds `frame_size` bytes for the whole call (per the caller).
        return unsafe { js_thread::run(owner, &call, frame) };
    }
    // SAFETY: as above.
    unsafe { other_thread::run(owner, call, slots.waits, frame) }
}

/// `zigar.function.release(f)`: when a JS function is bound to the
/// trampoline at `address`, its environment is told to free it (at once on
/// its JS thread, else when that thread gets to it).
///
/// # Safety
/// `context` is the table installed with it, or null.
unsafe extern "C" fn release_from_zig(context: *mut c_void, address: usize) {
    // SAFETY: see `connect_zigar`: the context is a leaked table or null.
    let Some(table) = (unsafe { context.cast::<CallbackSlots>().as_ref() }) else { return };
    let Some(&(caller, slot)) = table.addresses.get(&address) else { return };
    let Some((_, owner, module)) = table.owner(caller, slot) else { return };
    let call = js_thread::Call { module, caller, slot, frame_size: 0, frame_align: 1, release: true, pointers: false };
    if owner.is_js_thread() {
        // SAFETY: a release has no frame to read or write.
        unsafe { js_thread::run(owner, &call, ptr::null_mut()) };
    } else {
        // SAFETY: as above; it does not wait.
        unsafe { other_thread::run(owner, call, false, ptr::null_mut()) };
    }
}

/// `zigar.thread.use()` and `end()`: whether calls from other threads keep
/// the process of the calling JS thread alive; false off a JS thread.
extern "C" fn keep_alive(on: bool) -> bool {
    EnvCallbacks::of_this_thread().is_some_and(|owner| {
        owner.keep_alive(on);
        true
    })
}
