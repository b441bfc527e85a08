//! A module whose functions take 26 parameters in all, more than a handful of small functions.

pub fn dot3(ax: f64, ay: f64, az: f64, bx: f64, by: f64, bz: f64) f64 {
    return ax * bx + ay * by + az * bz;
}

pub fn lerp(a: f64, b: f64, t: f64) f64 {
    return a + (b - a) * t;
}

pub fn clamp(x: i32, lo: i32, hi: i32) i32 {
    return @max(lo, @min(hi, x));
}

pub fn sum8(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8) u32 {
    return @as(u32, a) + b + c + d + e + f + g + h;
}

pub fn area(w: u32, h: u32) u64 {
    return @as(u64, w) * h;
}

pub fn mix(a: u16, b: u16, c: u16, d: u16) u16 {
    return a ^ b ^ c ^ d;
}
