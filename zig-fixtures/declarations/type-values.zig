//! Declarations whose values are types, null, undefined or enum literals,
//! and an extern union.
pub const Count = u32;
pub const Ratio = f64;
pub const nothing = null;
pub const unknown = undefined;
pub const greeting = .hello;

pub const Word = extern union { int: i32, float: f32, bytes: [4]u8 };

pub fn floatOf(word: Word) f32 {
    return word.float;
}

pub fn double(n: Count) Count {
    return n * 2;
}
