//! libc's snprintf exported as it is: a variadic C function JS calls with
//! typed extra arguments, writing into a JS buffer.
extern fn snprintf(buf: [*c]u8, n: usize, fmt: [*c]const u8, ...) c_int;
extern fn printf(fmt: [*c]const u8, ...) c_int;

pub const Int = c_int;
pub const Uint = c_uint;
pub const Long = c_long;
pub const Ulong = c_ulong;
pub const LongLong = c_longlong;
pub const Size = usize;
pub const I64 = i64;
pub const U64 = u64;
pub const U8 = u8;
pub const Bool = bool;
pub const Float = f32;
pub const Double = f64;
pub const CStr = [*:0]const u8;
pub const Bytes = [*]u8;
pub const CBytes = [*c]u8;

pub const format = snprintf;
pub const print = printf;
