//! A plain C-ABI shared library with none of the symbols zigport's exporter defines.
export fn add(a: i32, b: i32) i32 {
    return a + b;
}
