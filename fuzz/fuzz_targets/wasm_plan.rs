//! Fuzzes the runtime's WebAssembly call plan (runtime/src/wasm/plan.rs),
//! which reads its targets from a flat list of numbers JS hands over: any
//! list must give a plan or a typed error, never a panic or an absurd
//! allocation, and a plan must have the length its layout promises.
//!
//! The runtime crate is an N-API addon (a cdylib), so the planner's file is
//! compiled here on its own, with the one runtime item it uses
//! (`crate::error::CallError`) stood in for by the same variants.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../runtime/src/wasm/plan.rs"]
mod plan;

mod error {
    /// The variants of the runtime's `CallError` that the planner makes.
    #[derive(Debug)]
    #[allow(dead_code)]
    pub enum CallError {
        Records(&'static str),
        Alignment(zigport_marshal::plan::AlignmentConflict),
        Plan(String),
    }
}

/// One number of the list: mostly small whole numbers, sometimes any f64.
#[derive(Debug, Clone, Copy, Arbitrary)]
enum Number {
    Small(u8),
    Whole(u32),
    Any(f64),
    Minus,
}

impl Number {
    fn get(self) -> f64 {
        match self {
            Number::Small(n) => f64::from(n),
            Number::Whole(n) => f64::from(n),
            Number::Any(n) => n,
            Number::Minus => -1.0,
        }
    }
}

fuzz_target!(|numbers: Vec<Number>| {
    let numbers: Vec<f64> = numbers.into_iter().take(6 * 64).map(Number::get).collect();
    if let Ok(out) = plan::plan_copies(&numbers) {
        let targets = numbers.len() / 6;
        let clusters = out[1] as usize;
        assert!(clusters <= targets);
        assert_eq!(out.len(), 2 + 5 * clusters + 2 * targets);
    }
});
