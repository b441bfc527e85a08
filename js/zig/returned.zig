//! What a call gives JS back, by the function's return type.

/// The result JS receives from a function returning `R`: one that cannot
/// return (`noreturn`: it panics or exits) gives nothing if it ever does,
/// and one that can only fail (`E!noreturn`) gives `E!void`.
pub fn Returned(comptime R: type) type {
    if (R == noreturn) return void;
    if (@typeInfo(R) == .error_union and @typeInfo(R).error_union.payload == noreturn) {
        return @typeInfo(R).error_union.error_set!void;
    }
    return R;
}
