// The descriptor version this runtime reads: Rust's `ABI_VERSION`
// (marshal/src/descriptor/mod.rs) and `abi_version` in js/zig/describe.zig
// must be the same number (tests/unit/descriptor-parity.test.js checks the
// first against the addon).
export const ABI_VERSION = 2;
