//! A module of many comptime constants, the way a table of physical and mathematical constants looks.

pub const avogadro = 6.02214076e23;
pub const planck = 6.62607015e-34;
pub const tiny = 1e-320;
pub const golden_ratio = 1.61803398874989484820458683436563811;
pub const sqrt2 = 1.41421356237309504880168872420969808;
pub const e = 2.71828182845904523536028747135266250;
pub const ln2 = 0.693147180559945309417232121458176568;
pub const seconds_per_year = 365.25 * 24 * 60 * 60;
pub const mask_127 = (1 << 127) - 1;
