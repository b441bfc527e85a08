//! The Zig face of crc32.c.
extern fn crc32_compute(data: [*]const u8, len: usize) u32;

/// CRC-32 of `bytes`, computed by the C code.
pub fn compute(bytes: []const u8) u32 {
    return crc32_compute(bytes.ptr, bytes.len);
}
