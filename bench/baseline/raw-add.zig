// The floor for a wasm call from JS: a bare export, no zigport in between.
export fn add(a: i32, b: i32) i32 {
    return a +% b;
}
