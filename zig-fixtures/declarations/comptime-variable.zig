//! A variable of a comptime-only type, which Zig refuses.
pub var Element: type = u8;
