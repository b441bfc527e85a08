//! Does not compile: returns a string where a u32 is declared, so importing it shows Zig's diagnostic.
pub fn answer() u32 {
    return "forty-two";
}
