fn main() {
    napi_build::setup();
    println!("cargo:rerun-if-changed=src/guard.c");
    cc::Build::new().file("src/guard.c").flag("-Wall").flag("-Wextra").compile("zigport_guard");
}
