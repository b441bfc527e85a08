// The floor for wasm calling JS: a bare import called in a loop, no zigport
// in between. The import is whatever JS function instantiation supplies.
extern "env" fn callback(a: i32, b: i32) i32;

export fn callLoop(n: u32) i32 {
    var sum: i32 = 0;
    var i: u32 = 0;
    while (i < n) : (i += 1) sum +%= callback(@bitCast(i), 1);
    return sum;
}
