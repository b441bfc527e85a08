//! `pub const` scalars, typed and comptime (`comptime_int`, `comptime_float`), exported as read-only values.

pub const answer = 42;
pub const negative = -17;
pub const u32_max = 4294967295;
pub const beyond_u32 = 4294967296;
pub const i32_min = -2147483648;
pub const below_i32 = -2147483649;
pub const max_safe = 9007199254740991;
pub const beyond_safe = 9007199254740992;
pub const googolish = 1 << 200;
pub const negative_huge = -(1 << 70);
pub const pi = 3.14159265358979323846264338327950288;
pub const third = 1.0 / 3.0;

pub const limit: u16 = 500;
pub const offset: i8 = -100;
pub const big_limit: u64 = (1 << 64) - 1;
pub const small_size: usize = 4096;
pub const scale: f32 = 0.1;
pub const exact: f64 = 0.1;
pub const half_float: f16 = 1.0 / 3.0;
pub const wide_float: f128 = 1.0 / 3.0;
pub const enabled: bool = true;

/// Zig's own view of `limit`, so JS can compare.
pub fn limitFromZig() u16 {
    return limit;
}
