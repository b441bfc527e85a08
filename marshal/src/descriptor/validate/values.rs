//! Checks on comptime values (a constant's `value`, a comptime field's
//! `default`): the JSON must be what JS reads for the value's type, so that
//! every type and function index it names is in range.
use serde_json::Value;

use super::super::model::{Descriptor, TypeKind};
use super::{expect, is_integer_text, Problem};

/// How deeply comptime containers may nest (a bound on the recursion, which
/// a descriptor whose optionals hold each other could otherwise not end).
const MAX_DEPTH: usize = 64;

/// Checks that `value` is a value of type `type_index`.
pub(super) fn check_value(d: &Descriptor, type_index: usize, value: &Value) -> Problem {
    check_at(d, type_index, value, 0)
}

fn check_at(d: &Descriptor, type_index: usize, value: &Value, depth: usize) -> Problem {
    expect(depth <= MAX_DEPTH, "comptime value nests too deeply")?;
    let t = d.types.get(type_index).ok_or_else(|| format!("refers to missing type #{type_index}"))?;
    let text = value.as_str();
    match &t.kind {
        TypeKind::ComptimeInt => expect(text.is_some_and(is_integer_text), "a comptime_int must be integer text"),
        TypeKind::ComptimeFloat => {
            expect(text.is_some_and(|s| s.parse::<f64>().is_ok()), "a comptime_float must be number text")
        }
        TypeKind::EnumLiteral => expect(text.is_some_and(|s| !s.is_empty()), "an enum literal must be its name"),
        TypeKind::Null | TypeKind::Undefined => expect(value.is_null(), "null and undefined are null"),
        TypeKind::Type => {
            let index = value.get("type").and_then(Value::as_u64);
            expect(index.is_some_and(|i| i < d.types.len() as u64), "a type must name a type of the table")
        }
        TypeKind::Function => {
            let index = value.get("function").and_then(Value::as_u64);
            let listed = index.is_some_and(|i| i < d.functions.len() as u64);
            let refused = value.get("unsupported").is_some_and(Value::is_string);
            expect(listed || refused, "a function must name a listed function or why it is unsupported")
        }
        TypeKind::ComptimeOptional { child } => {
            if value.is_null() {
                return Ok(());
            }
            check_at(d, *child, value, depth + 1)
        }
        TypeKind::ComptimeErrorUnion { child, error_set } => {
            let set = d.types.get(*error_set).map(|t| &t.kind);
            expect(matches!(set, Some(TypeKind::ErrorSet { .. })), "an error union's error set must be an error set")?;
            if is_error_value(value) {
                return Ok(());
            }
            check_at(d, *child, value, depth + 1)
        }
        TypeKind::ComptimeArray { child, len } => {
            let items = value.as_array().ok_or("an array's value must be an array")?;
            expect(items.len() as u64 == *len, "an array's value must have its length")?;
            items.iter().try_for_each(|item| check_at(d, *child, item, depth + 1))
        }
        TypeKind::ComptimePointer { child, slice: true } => {
            let items = value.as_array().ok_or("a slice's value must be an array")?;
            items.iter().try_for_each(|item| check_at(d, *child, item, depth + 1))
        }
        TypeKind::ComptimePointer { child, slice: false } => check_at(d, *child, value, depth + 1),
        TypeKind::ComptimeStruct { fields, .. } => {
            let object = value.as_object().ok_or("a struct's value must be an object")?;
            fields.iter().try_for_each(|f| {
                let field = object.get(&f.name).ok_or_else(|| format!("field {} has no value", f.name))?;
                check_at(d, f.type_index, field, depth + 1).map_err(|e| format!("field {}: {e}", f.name))
            })
        }
        TypeKind::ComptimeUnion { fields } => {
            let object = value.as_object().ok_or("a union's value must be an object")?;
            expect(object.len() <= 1, "a union's value has at most its active field")?;
            object.iter().try_for_each(|(name, field)| {
                let f = fields.iter().find(|f| f.name == *name).ok_or_else(|| format!("union has no field {name}"))?;
                check_at(d, f.type_index, field, depth + 1).map_err(|e| format!("field {name}: {e}"))
            })
        }
        // A value in memory: JS writes it through its type, which checks it.
        _ => Ok(()),
    }
}

/// `{"error": name, "code": N}`: the error a comptime error union holds.
fn is_error_value(value: &Value) -> bool {
    let named = value.get("error").and_then(Value::as_str).is_some_and(|n| !n.is_empty());
    let coded = value.get("code").and_then(Value::as_u64).is_some_and(|c| c > 0);
    named && coded && value.as_object().is_some_and(|o| o.len() == 2)
}
