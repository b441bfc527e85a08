//! A fault that is no stack overflow: a write to an address nothing maps.
//! The runtime's fault handler must leave it to the handler before it.

/// Writes a byte at `address`.
pub fn writeTo(address: usize) void {
    const at: *volatile u8 = @ptrFromInt(address);
    at.* = 1;
}
