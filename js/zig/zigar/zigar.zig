//! The `zigar` module every zigport module can `@import("zigar")`: the
//! helpers Zigar offers to Zig code that works with JS asynchronously.
//! - `function`: promises and generators JS awaits, abort signals, and
//!   releasing JS functions Zig holds;
//! - `thread`: keeping JS reachable from other threads, and `WorkQueue`,
//!   worker threads running calls queued from JS;
//! - `io`: console redirection.
//!
//! The exporter connects it to the host through `host`; user code has no
//! need of that part.
pub const function = @import("function.zig");
pub const thread = @import("thread.zig");
pub const io = @import("io.zig");
pub const host = @import("host.zig");
