//! JS functions standing in for Zig function pointers. The exporter gives
//! each function-pointer type a family of trampolines (js/zig/callback.zig);
//! JS binds a JS function to one of them (a slot) and hands Zig its
//! address. When Zig calls it, the trampoline fills a frame and calls
//! [`slots::run_callback`], which finds the environment that bound the slot and
//! runs the JS function there: directly when Zig called from that
//! environment's JS thread ([`js_thread`]), through a threadsafe function
//! when it called from any other thread ([`other_thread`]).
//!
//! - [`slots`]: which environment each trampoline of a library is bound to;
//! - [`env_callbacks`]: what one environment needs to run bound functions;
//! - [`js_thread`]: a call on the JS thread, through the argument arena;
//! - [`other_thread`]: a call carried from another thread, and its wait.
mod env_callbacks;
mod js_thread;
mod other_thread;
mod slots;

pub use env_callbacks::EnvCallbacks;
pub use slots::CallbackSlots;

/// What the host reports to a trampoline (`callback.Status` in Zig).
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The JS function ran; its result is in the frame.
    Done = 0,
    /// The JS function threw or its result did not convert (reported in JS).
    Failed = 1,
    /// Called from another thread while the JS thread waits in Zig.
    Deadlock = 2,
    /// The environment is gone or the module was abandoned.
    Closed = 3,
    /// No JS function is bound to the slot.
    Released = 4,
}
