//! Offsets and sizes at the top of the u64 range, where an unchecked sum
//! would overflow: each must be refused with a validation error (inputs
//! found by fuzzing, `scripts/fuzz-rust.sh descriptor`, or next to them).
use serde_json::json;

use super::tests::{refused, sample};

const TOP: u64 = u64::MAX;

#[test]
fn an_allocator_address_at_the_top_is_refused() {
    for (ptr_offset, vtable_offset) in [(TOP, 8), (0, TOP), (TOP - 7, 0)] {
        let mut v = sample();
        v["types"].as_array_mut().unwrap().push(json!({"kind": "allocator", "ptr_offset": ptr_offset,
            "vtable_offset": vtable_offset, "name": "mem.Allocator", "size": 16, "align": 8}));
        assert!(refused(&v).contains("outside"), "{ptr_offset} {vtable_offset}");
    }
}

#[test]
fn a_union_field_at_the_top_is_refused_before_the_selector_check() {
    let mut v = sample();
    v["types"].as_array_mut().unwrap().push(json!({"kind": "struct", "layout": "extern", "tuple": false,
        "union": true, "selector": {"offset": 8, "size": 1}, "name": "Number", "size": 16, "align": 8,
        "fields": [{"name": "float", "type": 1, "offset": TOP, "bit_offset": 0}]}));
    assert!(refused(&v).contains("implausibly large"));
}

#[test]
fn variadic_offsets_at_the_top_are_refused() {
    for (bits, address) in [(TOP, 16), (8, TOP), (TOP - 7, TOP - 7)] {
        let mut v = sample();
        v["functions"][0]["frame"] = json!({"size": 16 + 32 * 24, "align": 8});
        v["functions"][0]["variadic"] =
            json!({"max": 32, "count_offset": 12, "extras_offset": 16, "stride": 24, "bits": bits, "address": address});
        assert!(refused(&v).contains("do not fit"), "{bits} {address}");
    }
    let mut v = sample();
    v["functions"][0]["frame"] = json!({"size": 16 + 32 * 24, "align": 8});
    v["functions"][0]["variadic"] =
        json!({"max": 32, "count_offset": TOP - 3, "extras_offset": 16, "stride": 24, "bits": 8, "address": 16});
    assert!(refused(&v).contains("do not fit"));
}

#[test]
fn a_member_at_the_top_of_a_frame_is_refused() {
    let mut v = sample();
    v["functions"][0]["params"][0]["offset"] = json!(TOP);
    assert!(refused(&v).contains("does not fit its frame"));
    let mut v = sample();
    v["functions"][0]["frame"]["size"] = json!(TOP);
    assert!(refused(&v).contains("frame"));
}
