//! Imported by imports-helper-files.zig; tests change `value` to see the importer rebuilt.
pub const value: u32 = 10;
