//! One of each kind of declaration, for omitFunctions and omitVariables.

/// A function (left out with omitFunctions).
pub fn answer() i32 {
    return 42;
}

/// A variable (left out with omitVariables).
pub var counter: i32 = 1;

/// A constant, which stays either way.
pub const limit: i32 = 10;
