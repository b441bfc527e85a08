use proptest::prelude::*;
use serde_json::{json, Value};

use super::{Descriptor, DescriptorError, TypeKind};

/// A descriptor as the exporter writes it for a small module with a scalar
/// function, an optional result, an error union, a variable and a constant.
pub(super) fn sample() -> Value {
    json!({
        "abi": 2, "error_code_bits": 16,
        "functions": [
            {"name": "add", "thunk": 0, "frame": {"size": 12, "align": 4},
             "params": [{"type": 0, "offset": 0}, {"type": 0, "offset": 4}], "ret": {"type": 0, "offset": 8}},
            {"name": "half", "thunk": 1, "frame": {"size": 24, "align": 8},
             "params": [{"type": 1, "offset": 0}], "ret": {"type": 2, "offset": 8}},
            {"name": "fail", "thunk": 2, "frame": {"size": 24, "align": 8},
             "params": [{"type": 3, "offset": 16}], "ret": {"type": 4, "offset": 0}}
        ],
        "variables": [{"name": "counter", "type": 0, "slot": 0, "mutable": true}],
        "constants": [{"name": "big", "type": 7, "value": "123456789012345678901234567890"}],
        "unsupported": [{"name": "Point", "reason": "type declarations are not supported yet"}],
        "types": [
            {"kind": "int", "bits": 32, "signed": true, "name": "i32", "size": 4, "align": 4},
            {"kind": "float", "bits": 64, "name": "f64", "size": 8, "align": 8},
            {"kind": "optional", "child": 1, "value_offset": 0, "present_offset": 8, "name": "?f64", "size": 16, "align": 8},
            {"kind": "int", "bits": 8, "signed": false, "name": "u8", "size": 1, "align": 1},
            {"kind": "error_union", "payload": 5, "error_set": 6, "value_offset": 0, "code_offset": 8,
             "name": "E!u64", "size": 16, "align": 8},
            {"kind": "int", "bits": 64, "signed": false, "name": "u64", "size": 8, "align": 8},
            {"kind": "error_set", "errors": [{"name": "SystemIsOnFire", "value": 5}], "name": "E", "size": 2, "align": 2},
            {"kind": "comptime_int", "name": "comptime_int", "size": 0, "align": 1}
        ]
    })
}

pub(super) fn parse(v: &Value) -> Result<Descriptor, DescriptorError> {
    Descriptor::parse(&v.to_string())
}

pub(super) fn refused(v: &Value) -> String {
    parse(v).expect_err("descriptor should be refused").to_string()
}

#[test]
fn accepts_what_the_exporter_writes() {
    let d = parse(&sample()).unwrap();
    assert_eq!(d.functions.len(), 3);
    assert_eq!(d.types[2].kind, TypeKind::Optional { child: 1, value_offset: 0, present_offset: 8, memory: false });
}

#[test]
fn refuses_another_abi_version() {
    let mut v = sample();
    v["abi"] = json!(99);
    assert!(refused(&v).contains("version 99"));
}

#[test]
fn refuses_text_that_is_not_json() {
    assert!(matches!(Descriptor::parse("{\"abi\":"), Err(DescriptorError::Json(_))));
}

#[test]
fn refuses_a_parameter_outside_its_frame() {
    let mut v = sample();
    v["functions"][0]["params"][1]["offset"] = json!(12);
    assert!(refused(&v).starts_with("function add:"));
}

#[test]
fn refuses_a_misaligned_parameter() {
    let mut v = sample();
    v["functions"][0]["params"][1]["offset"] = json!(2);
    assert!(refused(&v).contains("does not fit its frame"));
}

#[test]
fn refuses_a_missing_type() {
    let mut v = sample();
    v["functions"][0]["ret"]["type"] = json!(40);
    assert!(refused(&v).contains("missing type #40"));
}

#[test]
fn refuses_a_presence_flag_inside_the_value() {
    let mut v = sample();
    v["types"][2]["present_offset"] = json!(3);
    assert!(refused(&v).contains("overlaps"));
}

#[test]
fn refuses_a_type_that_contains_itself() {
    let mut v = sample();
    v["types"][2]["child"] = json!(2);
    assert!(refused(&v).contains("contains itself"));
}

#[test]
fn refuses_an_error_union_whose_set_is_not_an_error_set() {
    let mut v = sample();
    v["types"][4]["error_set"] = json!(0);
    assert!(refused(&v).contains("not an error set"));
}

#[test]
fn refuses_a_repeated_thunk() {
    let mut v = sample();
    v["functions"][1]["thunk"] = json!(0);
    assert!(refused(&v).contains("repeated"));
}

#[test]
fn refuses_a_variable_of_a_type_without_storage() {
    let mut v = sample();
    v["variables"][0]["type"] = json!(2);
    assert!(refused(&v).starts_with("declaration counter:"));
}

#[test]
fn accepts_a_variable_of_an_error_set_and_of_its_optional() {
    let mut v = sample();
    v["types"].as_array_mut().unwrap().push(json!(
        {"kind": "error_set", "nullable": true, "errors": [{"name": "SystemIsOnFire", "value": 5}], "name": "?E", "size": 2, "align": 2}
    ));
    v["variables"] = json!([
        {"name": "last", "type": 6, "slot": 0, "mutable": true},
        {"name": "pending", "type": 8, "slot": 1, "mutable": true}
    ]);
    let d = parse(&v).unwrap();
    assert!(matches!(d.types[8].kind, TypeKind::ErrorSet { nullable: true, .. }));
}

#[test]
fn refuses_a_malformed_comptime_integer() {
    let mut v = sample();
    v["constants"][0]["value"] = json!("12a");
    assert!(refused(&v).starts_with("declaration big:"));
}

#[test]
fn refuses_a_name_declared_twice() {
    let mut v = sample();
    v["variables"][0]["name"] = json!("add");
    assert!(refused(&v).contains("declared twice"));
}

/// Every member of every accepted descriptor lies inside its structure.
fn members_in_bounds(d: &Descriptor) -> bool {
    let fits = |t: usize, offset: u64, outer: u64| offset + d.types[t].size <= outer;
    d.functions.iter().all(|f| f.params.iter().chain([&f.ret]).all(|m| fits(m.type_index, m.offset, f.frame.size)))
        && d.types.iter().all(|t| match t.kind {
            TypeKind::Optional { child, value_offset, present_offset, .. } => {
                fits(child, value_offset, t.size) && present_offset < t.size
            }
            TypeKind::ErrorUnion { payload, value_offset, .. } => fits(payload, value_offset, t.size),
            _ => true,
        })
}

proptest! {
    /// Corrupting any numeric field either gets the descriptor refused or
    /// leaves one whose members are all in bounds; parsing never panics.
    #[test]
    fn corrupt_numbers_never_pass_out_of_bounds(path in 0usize..64, value in prop_oneof![0u64..64, any::<u64>()]) {
        let mut v = sample();
        let mut slots = Vec::new();
        collect_numbers(&v, &mut slots);
        let slot = path % slots.len();
        let target = pointer_mut(&mut v, &slots[slot]);
        *target = json!(value);
        if let Ok(d) = parse(&v) {
            prop_assert!(members_in_bounds(&d));
        }
    }
}

fn collect_numbers(v: &Value, out: &mut Vec<String>) {
    fn walk(v: &Value, path: String, out: &mut Vec<String>) {
        match v {
            Value::Number(_) => out.push(path),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| walk(x, format!("{path}/{i}"), out)),
            Value::Object(map) => map.iter().for_each(|(k, x)| walk(x, format!("{path}/{k}"), out)),
            _ => {}
        }
    }
    walk(v, String::new(), out);
}

fn pointer_mut<'v>(v: &'v mut Value, path: &str) -> &'v mut Value {
    v.pointer_mut(path).expect("path was collected from this value")
}

/// A function `f(a: []u32, b: ?*const i16, n: u8)`.
fn with_pointers() -> Value {
    let mut v = sample();
    let types = v["types"].as_array_mut().unwrap();
    let base = types.len();
    types.extend([
        json!({"kind": "int", "bits": 16, "signed": true, "name": "i16", "size": 2, "align": 2}),
        json!({"kind": "slice", "child": 0, "const": false, "ptr_offset": 0, "len_offset": 8,
               "name": "[]i32", "size": 16, "align": 8}),
        json!({"kind": "pointer", "child": base, "const": true, "name": "*const i16", "size": 8, "align": 8}),
        json!({"kind": "optional", "child": base + 2, "value_offset": 0, "present_offset": 8,
               "name": "?*const i16", "size": 16, "align": 8}),
    ]);
    v["functions"].as_array_mut().unwrap().push(json!({
        "name": "f", "thunk": 3, "frame": {"size": 40, "align": 8},
        "params": [{"type": base + 1, "offset": 0}, {"type": base + 3, "offset": 16}, {"type": 3, "offset": 32}],
        "ret": {"type": 0, "offset": 36}
    }));
    v
}

#[test]
fn finds_every_pointer_slot_of_a_function() {
    let d = parse(&with_pointers()).unwrap();
    let slots = d.pointer_slots(&d.functions[3]);
    assert_eq!(slots.len(), 2);
    assert_eq!((slots[0].param, slots[0].address_offset, slots[0].len_offset), (0, 0, Some(8)));
    assert!(slots[0].writable && slots[0].present_offset.is_none());
    assert_eq!((slots[1].param, slots[1].address_offset, slots[1].present_offset), (1, 16, Some(24)));
    assert_eq!((slots[1].elem_size, slots[1].elem_align, slots[1].writable), (2, 2, false));
}

#[test]
fn refuses_a_pointer_to_something_other_than_a_scalar() {
    let mut v = with_pointers();
    let slice = v["types"].as_array().unwrap().len() - 3;
    v["types"][slice]["child"] = json!(2); // ?f64: not a value in memory
    assert!(refused(&v).contains("pointers must point at values in memory"));
}

#[test]
fn finds_the_address_in_a_pointer_result() {
    let mut v = with_pointers();
    let optional = v["types"].as_array().unwrap().len() - 1;
    v["functions"][3]["frame"]["size"] = json!(56);
    v["functions"][3]["ret"] = json!({"type": optional, "offset": 40});
    let d = parse(&v).unwrap();
    let slot = d.result_slot(&d.functions[3]).unwrap();
    assert_eq!((slot.param, slot.address_offset, slot.present_offset), (3, 40, Some(48)));
    assert!(d.result_slot(&d.functions[0]).is_none());
}

#[test]
fn refuses_an_error_code_of_zero() {
    let mut v = sample();
    v["types"][6]["errors"][0]["value"] = json!(0);
    assert!(refused(&v).contains("error codes must be non-zero"));
}

/// A bare union as a Debug build describes it: an f64 or a u32, with Zig's
/// hidden safety tag in the byte after them.
fn with_bare_union(selector: Value) -> Value {
    let mut v = sample();
    let types = v["types"].as_array_mut().unwrap();
    types.push(json!({"kind": "struct", "layout": "extern", "tuple": false, "union": true, "bare": true,
        "selector": selector, "name": "Number", "size": 16, "align": 8,
        "fields": [{"name": "float", "type": 1, "offset": 0, "bit_offset": 0},
                   {"name": "int", "type": 0, "offset": 0, "bit_offset": 0}]}));
    v
}

#[test]
fn accepts_a_bare_union_with_its_hidden_tag() {
    let d = parse(&with_bare_union(json!({"offset": 8, "size": 1}))).unwrap();
    let TypeKind::Struct { selector, .. } = &d.types[8].kind else { panic!("a struct") };
    assert_eq!(selector.map(|s| (s.offset, s.size)), Some((8, 1)));
}

#[test]
fn refuses_a_hidden_tag_outside_the_union_or_over_a_field() {
    assert!(refused(&with_bare_union(json!({"offset": 16, "size": 1}))).contains("outside"));
    assert!(refused(&with_bare_union(json!({"offset": 4, "size": 1}))).contains("overlaps"));
    assert!(refused(&with_bare_union(json!({"offset": 8, "size": 3}))).contains("1, 2 or 4"));
}

#[test]
fn a_pointer_to_an_opaque_type_is_a_handle_slot() {
    let mut v = sample();
    let types = v["types"].as_array_mut().unwrap();
    types.push(json!({"kind": "opaque", "name": "Context", "size": 0, "align": 1}));
    types.push(json!({"kind": "pointer", "child": 8, "const": false, "name": "*Context", "size": 8, "align": 8}));
    v["functions"].as_array_mut().unwrap().push(json!({"name": "bump", "thunk": 3,
        "frame": {"size": 8, "align": 8}, "params": [{"type": 9, "offset": 0}], "ret": {"type": 0, "offset": 0}}));
    v["functions"][3]["ret"] = json!({"type": 3, "offset": 0});
    let d = parse(&v).unwrap();
    let slots = d.pointer_slots(&d.functions[3]);
    assert!(slots[0].handle && slots[0].elem_size == 0);
}

/// The sample with a `*const fn (i32) i32` variable whose caller is
/// function 3, which takes the i32 and then the address (a u64).
fn with_function_pointer() -> Value {
    let mut v = sample();
    v["types"].as_array_mut().unwrap().push(json!(
        {"kind": "function_pointer", "caller": 3, "problem": null, "nullable": false, "name": "*const fn (i32) i32", "size": 8, "align": 8}
    ));
    v["functions"].as_array_mut().unwrap().push(json!(
        {"name": "*const fn (i32) i32", "owner": null, "role": "caller", "thunk": 3, "frame": {"size": 24, "align": 8},
         "params": [{"type": 0, "offset": 0}, {"type": 5, "offset": 8}], "ret": {"type": 0, "offset": 16}}
    ));
    v["variables"].as_array_mut().unwrap().push(json!({"name": "transform", "type": 8, "slot": 1, "mutable": true}));
    v
}

#[test]
fn accepts_a_function_pointer_variable_with_its_caller() {
    let d = parse(&with_function_pointer()).unwrap();
    assert_eq!(d.types[8].kind, TypeKind::FunctionPointer { caller: Some(3), problem: None, nullable: false });
    assert_eq!(d.functions[3].role, Some(super::FunctionRole::Caller));
}

#[test]
fn refuses_a_function_pointer_whose_caller_is_a_declared_function() {
    let mut v = with_function_pointer();
    v["types"][8]["caller"] = json!(0);
    assert!(refused(&v).contains("caller must be a caller function"));
    v["types"][8]["caller"] = json!(9);
    assert!(refused(&v).contains("caller must be a caller function"));
}

#[test]
fn refuses_a_function_pointer_narrower_than_an_address() {
    let mut v = with_function_pointer();
    v["types"][8]["size"] = json!(4);
    v["types"][8]["align"] = json!(4);
    assert!(refused(&v).contains("one address wide"));
}

#[test]
fn a_caller_is_not_a_declaration_and_may_share_a_name() {
    let mut v = with_function_pointer();
    v["functions"][3]["name"] = json!("add");
    assert!(parse(&v).is_ok());
}

#[test]
fn accepts_meta_marks_on_functions_and_variables() {
    let mut v = sample();
    v["functions"][0]["meta"] = json!("plain");
    v["variables"][0]["meta"] = json!("typed_array");
    let d = parse(&v).unwrap();
    assert_eq!(d.functions[0].meta, Some(super::MetaMark::Plain));
    assert_eq!(d.functions[1].meta, None);
    assert_eq!(d.variables[0].meta, Some(super::MetaMark::TypedArray));
}

#[test]
fn refuses_an_unknown_meta_mark() {
    let mut v = sample();
    v["variables"][0]["meta"] = json!("shiny");
    assert!(refused(&v).contains("unknown variant `shiny`"));
}

/// The sample with a `std.mem.Allocator` parameter added to `add`.
fn with_allocator(size: u64, vtable_offset: u64) -> Value {
    let mut v = sample();
    v["types"].as_array_mut().unwrap().push(json!(
        {"kind": "allocator", "ptr_offset": 0, "vtable_offset": vtable_offset, "name": "mem.Allocator", "size": size, "align": 8}
    ));
    v["functions"][0]["frame"] = json!({"size": 32, "align": 8});
    v["functions"][0]["params"].as_array_mut().unwrap().push(json!({"type": 8, "offset": 16}));
    v
}

#[test]
fn accepts_an_allocator_of_two_addresses_and_knows_the_function_allocates() {
    let d = parse(&with_allocator(16, 8)).unwrap();
    assert_eq!(d.types[8].kind, TypeKind::Allocator { ptr_offset: 0, vtable_offset: 8 });
    assert!(d.allocates(&d.functions[0]));
    assert!(!d.allocates(&d.functions[1]));
}

#[test]
fn refuses_an_allocator_of_another_size_or_with_overlapping_addresses() {
    assert!(refused(&with_allocator(8, 8)).contains("two addresses wide"));
    assert!(refused(&with_allocator(16, 4)).contains("misaligned"));
    assert!(refused(&with_allocator(16, 0)).contains("overlap"));
}

/// A packed struct of an f64 (at bit `at`, `bits` wide) and a bool after
/// it, in 16 bytes.
fn with_packed_float(at: u64, bits: Option<u64>) -> Value {
    let mut v = sample();
    let mut float = json!({"name": "f", "type": 1, "offset": at / 8, "bit_offset": at});
    if let Some(bits) = bits {
        float["bits"] = json!(bits);
    }
    v["types"].as_array_mut().unwrap().push(json!({"kind": "struct", "layout": "packed", "tuple": false,
        "name": "Packed", "size": 16, "align": 16,
        "fields": [float, {"name": "other", "type": 3, "offset": 8, "bit_offset": 64, "bits": 8}]}));
    v
}

#[test]
fn accepts_a_float_in_a_packed_struct_at_any_bit() {
    assert!(parse(&with_packed_float(3, Some(64))).is_ok());
}

#[test]
fn refuses_packed_bits_past_the_struct_or_the_field_type() {
    assert!(refused(&with_packed_float(65, Some(64))).contains("bits lie outside the struct"));
    assert!(refused(&with_packed_float(0, Some(65))).contains("exceed the field type's size"));
    assert!(refused(&with_packed_float(0, None)).contains("needs its bit size"));
}

/// `@Vector(len, u3)` described as bit-packed in `size` bytes.
fn with_u3_vector(len: u64, size: u64) -> Value {
    let mut v = sample();
    let types = v["types"].as_array_mut().unwrap();
    types.push(json!({"kind": "int", "bits": 3, "signed": false, "name": "u3", "size": 1, "align": 1}));
    types.push(json!({"kind": "array", "child": 8, "len": len, "vector": true, "bit_packed": true,
        "name": "@Vector(u3)", "size": size, "align": size}));
    v
}

#[test]
fn a_bit_packed_vector_of_integers_fits_its_bits() {
    assert!(parse(&with_u3_vector(2, 1)).is_ok());
    assert!(refused(&with_u3_vector(3, 1)).contains("elements exceed the vector's size"));
}
