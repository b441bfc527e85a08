//! Comptime values in the descriptor: constants and comptime fields whose
//! JSON names types and functions, read by comptime-only types.
use serde_json::{json, Value};

use super::tests::{parse, refused, sample};
use super::TypeKind;

/// The sample descriptor with types #8 `type`, #9 `[2]type`, #10 a function
/// body, #11 `?type`, and constants of them (`add` is function 0).
fn with_comptime_values() -> Value {
    let mut v = sample();
    let types = v["types"].as_array_mut().unwrap();
    types.push(json!({"kind": "type", "name": "type", "size": 0, "align": 1}));
    types.push(json!({"kind": "comptime_array", "child": 8, "len": 2, "name": "[2]type", "size": 0, "align": 1}));
    types.push(json!({"kind": "function", "name": "fn (i32, i32) i32", "size": 0, "align": 1}));
    types.push(json!({"kind": "comptime_optional", "child": 8, "name": "?type", "size": 0, "align": 1}));
    v["constants"] = json!([
        {"name": "types", "type": 9, "value": [{"type": 0}, {"type": 3}]},
        {"name": "op", "type": 10, "value": {"function": 0}},
        {"name": "generic", "type": 10, "value": {"unsupported": "generic functions cannot be called at run time"}},
        {"name": "none", "type": 11, "value": null},
    ]);
    v
}

#[test]
fn accepts_arrays_optionals_types_and_functions_as_comptime_values() {
    let d = parse(&with_comptime_values()).unwrap();
    assert_eq!(d.types[9].kind, TypeKind::ComptimeArray { child: 8, len: 2 });
    assert_eq!(d.constants[0].value, json!([{"type": 0}, {"type": 3}]));
}

#[test]
fn refuses_a_type_value_naming_a_missing_type() {
    let mut v = with_comptime_values();
    v["constants"][0]["value"][1] = json!({"type": 99});
    assert!(refused(&v).starts_with("declaration types: a type must name"));
}

#[test]
fn refuses_a_function_value_naming_a_missing_function() {
    let mut v = with_comptime_values();
    v["constants"][1]["value"] = json!({"function": 3});
    assert!(refused(&v).starts_with("declaration op: a function must name"));
}

#[test]
fn refuses_an_array_value_of_another_length() {
    let mut v = with_comptime_values();
    v["constants"][0]["value"] = json!([{"type": 0}]);
    assert!(refused(&v).contains("must have its length"));
}

#[test]
fn refuses_a_comptime_value_of_a_type_with_storage() {
    let mut v = with_comptime_values();
    v["constants"][0]["type"] = json!(0);
    assert!(refused(&v).contains("must have a comptime-only type"));
}

#[test]
fn refuses_comptime_optionals_that_hold_each_other() {
    let mut v = with_comptime_values();
    v["types"][11]["child"] = json!(12);
    v["types"]
        .as_array_mut()
        .unwrap()
        .push(json!({"kind": "comptime_optional", "child": 11, "name": "??type", "size": 0, "align": 1}));
    v["constants"][3]["value"] = json!({"type": 0});
    assert!(refused(&v).contains("nests too deeply"));
}

#[test]
fn a_comptime_field_may_hold_null() {
    let mut v = with_comptime_values();
    let types = v["types"].as_array_mut().unwrap();
    types.push(json!({"kind": "null", "name": "@TypeOf(null)", "size": 0, "align": 1}));
    types.push(
        json!({"kind": "struct", "layout": "auto", "tuple": true, "name": "struct { comptime @TypeOf(null) = null }",
        "size": 0, "align": 1,
        "fields": [{"name": "0", "type": 12, "offset": 0, "bit_offset": 0, "comptime": true, "default": null}]}),
    );
    let d = parse(&v).unwrap();
    let TypeKind::Struct { fields, .. } = &d.types[13].kind else { panic!("not a struct") };
    assert_eq!(fields[0].default, Some(Value::Null));
}

#[test]
fn a_hidden_function_may_share_a_declared_name() {
    let mut v = with_comptime_values();
    let mut hidden = v["functions"][0].clone();
    hidden["hidden"] = json!(true);
    hidden["thunk"] = json!(3);
    v["functions"].as_array_mut().unwrap().push(hidden.clone());
    parse(&v).unwrap();
    hidden["hidden"] = json!(false);
    v["functions"][3] = hidden;
    assert!(refused(&v).contains("declared twice"));
}

/// The sample with type #12, a comptime union of a type (`Kind`) and a
/// comptime_int (`count`, type #7), declaring constant `chosen` of itself.
fn with_comptime_union() -> Value {
    let mut v = with_comptime_values();
    v["types"].as_array_mut().unwrap().push(json!({"kind": "comptime_union", "name": "Choice", "size": 0, "align": 1,
        "fields": [{"name": "Kind", "type": 8}, {"name": "count", "type": 7}]}));
    v["constants"] = json!([{"name": "chosen", "type": 12, "owner": 12, "value": {"count": "5"}}]);
    v["type_decls"] = json!([{"name": "Choice", "type": 12}]);
    v
}

#[test]
fn accepts_a_comptime_union_that_declares_a_value_of_itself() {
    let d = parse(&with_comptime_union()).unwrap();
    assert_eq!(d.constants[0].owner, Some(12));
}

#[test]
fn refuses_a_union_value_with_two_active_fields_or_an_unknown_one() {
    let mut v = with_comptime_union();
    v["constants"][0]["value"] = json!({"count": "5", "Kind": {"type": 0}});
    assert!(refused(&v).contains("at most its active field"));
    v["constants"][0]["value"] = json!({"size": "5"});
    assert!(refused(&v).contains("no field size"));
}

/// The sample with type #12, `E!type` (E is type #6), and constants of it
/// holding a type and an error.
fn with_comptime_error_union() -> Value {
    let mut v = with_comptime_values();
    v["types"].as_array_mut().unwrap().push(
        json!({"kind": "comptime_error_union", "child": 8, "error_set": 6, "name": "E!type", "size": 0, "align": 1}),
    );
    v["constants"] = json!([
        {"name": "chosen", "type": 12, "value": {"type": 0}},
        {"name": "failed", "type": 12, "value": {"error": "SystemIsOnFire", "code": 5}},
    ]);
    v
}

#[test]
fn a_comptime_error_union_holds_its_payload_or_an_error() {
    let d = parse(&with_comptime_error_union()).unwrap();
    assert_eq!(d.types[12].kind, TypeKind::ComptimeErrorUnion { child: 8, error_set: 6 });
}

#[test]
fn refuses_a_comptime_error_union_whose_error_has_no_code_or_set() {
    let mut v = with_comptime_error_union();
    v["constants"][1]["value"] = json!({"error": "SystemIsOnFire"});
    assert!(refused(&v).contains("a type must name"), "without a code, the value is read as the payload");
    let mut v = with_comptime_error_union();
    v["types"][12]["error_set"] = json!(0);
    assert!(refused(&v).contains("error set must be an error set"));
}

/// The sample with struct #12 holding comptime field `at` of type u8 (#3)
/// whose value lies in storage slot `slot`, and variable `counter` in slot 0.
fn with_stored_comptime_field(slot: usize, hidden: bool) -> Value {
    let mut v = with_comptime_values();
    v["types"].as_array_mut().unwrap().push(json!({"kind": "struct", "layout": "auto", "tuple": false, "name": "Holder",
        "size": 0, "align": 1, "fields": [{"name": "at", "type": 3, "offset": 0, "bit_offset": 0, "comptime": true, "slot": slot}]}));
    v["variables"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "at", "type": 3, "slot": 1, "mutable": false, "owner": 12, "hidden": hidden}));
    v
}

#[test]
fn a_comptime_field_may_lie_in_a_hidden_constant() {
    let d = parse(&with_stored_comptime_field(1, true)).unwrap();
    let TypeKind::Struct { fields, .. } = &d.types[12].kind else { panic!("not a struct") };
    assert_eq!(fields[0].slot, Some(1));
    assert!(d.variables[1].hidden);
}

#[test]
fn refuses_a_comptime_field_stored_in_a_declared_variable_or_another_type() {
    assert!(refused(&with_stored_comptime_field(0, true)).contains("not a hidden constant of its type"));
    assert!(refused(&with_stored_comptime_field(1, false)).contains("not a hidden constant of its type"));
}
