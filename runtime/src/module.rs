//! `ZigModule`, the JS class through which the JS half drives one loaded
//! module: its validated descriptor, its argument arena, one callable per
//! function, and views of its variables.
use std::path::Path;
use std::sync::Arc;

use napi::bindgen_prelude::{ArrayBuffer, FromNapiValue};
use napi::{Env, JsValue};
use napi_derive::napi;
use zigport_marshal::descriptor::{Descriptor, Place, TypeKind};

use crate::arena::{ARENA_SIZE, HEADER_SIZE};
use crate::callback::CallbackSlots;
use crate::console;
use crate::env_state::{env_state, CallTarget};
use crate::error::RuntimeError;
use crate::function_layout::{Gate, PointerLayout, ResultPlaces};
use crate::guard;
use crate::host_memory;
use crate::library::ZigLibrary;
use crate::zig_views;

#[napi]
pub struct ZigModule {
    library: Arc<ZigLibrary>,
    descriptor: Descriptor,
    descriptor_text: String,
    /// The places of each type (see `Descriptor::places`), shared by every
    /// function of the module.
    places: Arc<Vec<Vec<Place>>>,
    /// The module's trampolines, when JS functions can stand in for some of
    /// its function pointers.
    callbacks: Option<&'static CallbackSlots>,
}

/// Opens a compiled module and validates its descriptor.
pub fn open(path: &Path) -> Result<(ZigLibrary, Descriptor, String), RuntimeError> {
    let library = ZigLibrary::open(path)?;
    let text = library.descriptor_text()?;
    let descriptor =
        Descriptor::parse(&text).map_err(|source| RuntimeError::Descriptor { path: path.to_owned(), source })?;
    let expected = size_of::<usize>() as u64;
    if descriptor.pointer_size != expected {
        return Err(RuntimeError::PointerSize { path: path.to_owned(), found: descriptor.pointer_size, expected });
    }
    Ok((library, descriptor, text))
}

#[napi]
impl ZigModule {
    /// Loads the compiled module at `path` for use on this thread.
    #[napi(factory)]
    pub fn open(path: String) -> napi::Result<Self> {
        let (library, descriptor, descriptor_text) = open(Path::new(&path))?;
        console::capture_this_thread();
        library.set_console(console::sink);
        library.set_panic_escape(guard::zigport_panic_escape);
        library.set_thread_start(guard::zigport_prepare_zig_thread);
        if !descriptor.runtime_safety {
            guard::note_unguarded_module(library.code_address());
        }
        library.set_host_alloc(host_memory::host_alloc);
        let places = Arc::new(descriptor.place_table());
        let takes_callbacks = descriptor.functions.iter().any(|f| f.callback.is_some());
        let callbacks = takes_callbacks.then(|| CallbackSlots::for_library(&library, &descriptor));
        CallbackSlots::connect_zigar(&library, callbacks);
        Ok(Self { library: Arc::new(library), descriptor, descriptor_text, places, callbacks })
    }

    /// The validated descriptor, as JSON text.
    #[napi(getter)]
    pub fn descriptor(&self) -> String {
        self.descriptor_text.clone()
    }

    /// Registers function `index` with this environment's invoker and
    /// returns the id that calls it.
    #[napi]
    pub fn bind_function(&self, env: Env, index: u32) -> napi::Result<u32> {
        let function = self.descriptor.functions.get(index as usize).ok_or(RuntimeError::NoFunction(index))?;
        let thunk = self.library.thunk(function.thunk).ok_or(RuntimeError::NoFunction(index))?;
        let frame = function.frame;
        if frame.size as usize > ARENA_SIZE - HEADER_SIZE {
            let limit = ARENA_SIZE - HEADER_SIZE;
            return Err(RuntimeError::FrameTooLarge { name: function.name.clone(), size: frame.size, limit }.into());
        }
        let target = CallTarget {
            thunk,
            frame_size: frame.size as usize,
            frame_align: frame.align as usize,
            guarded: self.descriptor.runtime_safety,
            abandoned: false,
        };
        let result = self.descriptor.result_slot(function);
        let ret = function.ret;
        let result_places = match result {
            Some(slot) => (!self.places[slot.pointee].is_empty()).then_some(ResultPlaces::InTarget),
            None => self.value_places(ret.type_index, ret.offset),
        };
        let layout = PointerLayout {
            name: function.name.clone(),
            params: self.descriptor.pointer_slots(function),
            result,
            allocates: self.descriptor.allocates(function),
            places: Arc::clone(&self.places),
            result_places,
        };
        Ok(env_state(env.raw())?.register(target, layout, &self.library))
    }

    /// Makes the functions of this environment with ids `ids` (as
    /// `bind_function` returned them) throw "Module was abandoned" when
    /// called. The library stays loaded: objects may still view its memory.
    #[napi]
    pub fn abandon_functions(&self, env: Env, ids: Vec<u32>) -> napi::Result<()> {
        let state = env_state(env.raw())?;
        for id in ids {
            state.abandon(id);
        }
        Ok(())
    }

    /// Where a result value at frame offset `offset` holds pointers, if it
    /// does: a struct or array itself, or one inside an optional or error union.
    fn value_places(&self, type_index: usize, offset: u64) -> Option<ResultPlaces> {
        let code_size = u64::from(self.descriptor.error_code_bits.div_ceil(8));
        let (inner, value_offset, gate) = match self.descriptor.types[type_index].kind {
            TypeKind::Optional { child, value_offset, present_offset, .. } => {
                (child, value_offset, Gate::Present(offset + present_offset))
            }
            TypeKind::ErrorUnion { payload, value_offset, code_offset, .. } => {
                (payload, value_offset, Gate::NoError(offset + code_offset, code_size))
            }
            _ => (type_index, 0, Gate::Always),
        };
        (!self.places[inner].is_empty()).then(|| ResultPlaces::InFrame {
            offset: offset + value_offset,
            size: self.descriptor.types[inner].size,
            type_index: inner,
            gate,
        })
    }

    /// The memory of storage slot `slot`: a live view for a variable, a
    /// copy for a constant (Zig's constants live in read-only pages). A copy
    /// that holds pointers (places, or `holds_pointers` when JS knows of
    /// others, such as a tagged union's) is tagged as Zig memory too: its
    /// addresses are Zig's, and JS follows them where they point.
    #[napi]
    pub fn storage<'env>(
        &self,
        env: &'env Env,
        slot: u32,
        holds_pointers: Option<bool>,
    ) -> napi::Result<ArrayBuffer<'env>> {
        let variable = self.descriptor.variables.iter().find(|v| v.slot == slot as usize);
        let variable = variable.ok_or(RuntimeError::NoStorage(slot))?;
        let (address, size) = self.library.storage(slot as usize).ok_or(RuntimeError::NoStorage(slot))?;
        let expected = self.descriptor.types[variable.type_index].size;
        if size as u64 != expected {
            return Err(RuntimeError::StorageSize { slot, actual: size, expected }.into());
        }
        if !variable.mutable || size == 0 {
            // SAFETY: the exporter reports `size` readable bytes at `address`.
            let bytes = unsafe { std::slice::from_raw_parts(address, size) };
            let copy = ArrayBuffer::from_data(env, bytes.to_vec())?;
            if holds_pointers == Some(true) || !self.places[variable.type_index].is_empty() {
                zig_views::tag_zig_memory(env.raw(), copy.raw());
            }
            return Ok(copy);
        }
        if crate::no_external::enabled(env.raw()) {
            // Tagged as Zig memory by `zig_memory`, like the live view.
            let shadow = zig_views::zig_memory(env.raw(), address as u64, size as u64);
            // SAFETY: `shadow` is the ArrayBuffer `zig_memory` just made (or
            // null after it threw, which `from_napi_value` refuses).
            return unsafe { ArrayBuffer::from_napi_value(env.raw(), shadow) };
        }
        let keep = Arc::clone(&self.library);
        // SAFETY: a `pub var` lives in the library's writable data for as
        // long as the library is loaded, which the hint (an Arc of it) ensures.
        let buffer = unsafe { ArrayBuffer::from_external(env, address, size, keep, |_, keep| drop(keep)) }?;
        zig_views::tag_zig_memory(env.raw(), buffer.raw());
        Ok(buffer)
    }

    /// Binds a free trampoline of caller `caller` to this environment, for
    /// the JS module with key `module`: `[slot, address]`, or null when all
    /// are bound.
    #[napi]
    pub fn bind_callback(&self, env: Env, caller: u32, module: u32) -> napi::Result<Option<Vec<f64>>> {
        let state = env_state(env.raw())?;
        let Some(table) = self.callbacks else { return Ok(None) };
        let Some(slot) = table.bind(caller, state.callbacks, module) else { return Ok(None) };
        // User-space addresses (and wasm table indices) are exact as JS numbers.
        let address = self.library.callback_address(caller, slot);
        Ok(Some(vec![f64::from(slot), address as f64]))
    }

    /// Frees trampoline `slot` of caller `caller`, if this environment holds it.
    #[napi]
    pub fn release_callback(&self, env: Env, caller: u32, slot: u32) -> napi::Result<bool> {
        let state = env_state(env.raw())?;
        Ok(self.callbacks.is_some_and(|table| table.release(caller, slot, state.callbacks)))
    }

    /// The name of an error code this module's thunks produced.
    #[napi]
    pub fn error_name(&self, code: u32) -> String {
        self.library.error_name(code)
    }

    /// Whether errors this module's calls return carry Zig's error return trace.
    #[napi(getter)]
    pub fn keeps_error_traces(&self) -> bool {
        self.library.keeps_error_traces()
    }

    /// The return addresses of this thread's error return trace for the call
    /// that just returned error `code` (innermost first), taken once.
    #[napi]
    pub fn error_trace(&self, code: u32) -> Vec<f64> {
        // User-space addresses fit in 47 bits: exact as JS numbers.
        self.library.error_trace(code).into_iter().map(|a| a as f64).collect()
    }

    /// "function\tfile\tline\tcolumn" for an address `errorTrace` gave, or null.
    #[napi]
    pub fn describe_address(&self, address: f64) -> napi::Result<Option<String>> {
        if !(address >= 0.0 && address.fract() == 0.0 && address <= usize::MAX as f64) {
            return Err(napi::Error::new(
                napi::Status::InvalidArg,
                format!("describeAddress(): {address} is not an address"),
            ));
        }
        Ok(self.library.describe_address(address as usize))
    }

    /// The path the module was loaded from.
    #[napi(getter)]
    pub fn path(&self) -> String {
        self.library.path().display().to_string()
    }
}
