//! The variadic part of a function's descriptor: where its extras lie,
//! checked against its frame, and a pointer slot per extra.
use serde_json::{json, Value};

use super::tests::{parse, refused, sample};

/// The sample with `add` made variadic: its two i32 parameters at 0 and 4,
/// the result at 8, the count at 12 and 32 extras of 24 bytes from 16.
fn with_variadic() -> Value {
    let mut v = sample();
    v["functions"][0]["frame"] = json!({"size": 16 + 32 * 24, "align": 8});
    v["functions"][0]["variadic"] =
        json!({"max": 32, "count_offset": 12, "extras_offset": 16, "stride": 24, "bits": 8, "address": 16});
    v
}

#[test]
fn accepts_the_extras_of_a_variadic_function() {
    let d = parse(&with_variadic()).unwrap();
    let v = d.functions[0].variadic.unwrap();
    assert_eq!((v.max, v.count_offset, v.extras_offset), (32, 12, 16));
}

#[test]
fn gives_each_extra_a_nullable_pointer_slot_at_its_address() {
    let d = parse(&with_variadic()).unwrap();
    let slots = d.pointer_slots(&d.functions[0]);
    assert_eq!(slots.len(), 32);
    assert_eq!((slots[0].param, slots[0].address_offset), (2, 16 + 16));
    assert_eq!((slots[31].param, slots[31].address_offset), (33, 16 + 31 * 24 + 16));
    assert!(slots.iter().all(|s| s.nullable && s.many && s.len_offset.is_none() && s.elem_size == 1));
}

#[test]
fn refuses_extras_outside_the_frame() {
    let mut v = with_variadic();
    v["functions"][0]["frame"]["size"] = json!(16 + 31 * 24);
    assert!(refused(&v).contains("variadic extras do not fit the frame"));
    let mut v = with_variadic();
    v["functions"][0]["variadic"]["extras_offset"] = json!(u64::MAX - 8);
    assert!(refused(&v).contains("do not fit the frame"));
}

#[test]
fn refuses_extras_over_a_parameter_or_the_result() {
    let mut v = with_variadic();
    v["functions"][0]["variadic"]["count_offset"] = json!(8);
    assert!(refused(&v).contains("overlap a parameter or the result"));
    let mut v = with_variadic();
    v["functions"][0]["params"][1]["offset"] = json!(16);
    assert!(refused(&v).contains("overlap a parameter or the result"));
}

#[test]
fn refuses_overlapping_bits_and_address_or_too_many_extras() {
    let mut v = with_variadic();
    v["functions"][0]["variadic"]["address"] = json!(8);
    assert!(refused(&v).contains("do not fit"));
    let mut v = with_variadic();
    v["functions"][0]["variadic"]["max"] = json!(100_000);
    assert!(refused(&v).contains("not between 1 and"));
}
