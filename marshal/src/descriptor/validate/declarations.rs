//! Checks on what a module declares: every function's frame, the
//! declarations' types and storage slots, and unique names.
use std::collections::HashSet;

use super::super::model::{Descriptor, Frame, Function, FunctionRole, Member, Type, TypeKind};
use super::values::check_value;
use super::{comptime_only, followable, in_memory, DescriptorError, Problem, MAX_EXTENT};

/// Most trampolines a function type may have.
const MAX_CALLBACK_SLOTS: u32 = 4096;

pub(super) fn check_functions(d: &Descriptor) -> Result<(), DescriptorError> {
    let mut thunks = HashSet::new();
    for f in &d.functions {
        let fail = |problem: String| DescriptorError::Function { name: f.name.clone(), problem };
        if f.thunk >= d.functions.len() || !thunks.insert(f.thunk) {
            return Err(fail(format!("thunk index {} is out of range or repeated", f.thunk)));
        }
        check_frame(d, f).map_err(fail)?;
        check_callback(d, f).map_err(fail)?;
        check_variadic(d, f).map_err(fail)?;
        if f.owner.is_some_and(|o| !d.types.get(o).is_some_and(|t| can_declare(&t.kind))) {
            return Err(DescriptorError::Function {
                name: f.name.clone(),
                problem: "owner is not a struct type".into(),
            });
        }
    }
    Ok(())
}

fn check_frame(d: &Descriptor, f: &Function) -> Problem {
    check_members(d, &f.frame, &f.params, &f.ret)
}

/// A callback frame belongs to a caller, and its members fit it as a
/// frame's do.
fn check_callback(d: &Descriptor, f: &Function) -> Problem {
    let Some(callback) = &f.callback else { return Ok(()) };
    if f.role != Some(FunctionRole::Caller) {
        return Err("only the caller of a function pointer type has a callback frame".into());
    }
    if callback.slots == 0 || callback.slots > MAX_CALLBACK_SLOTS {
        return Err(format!("{} callback slots is not between 1 and {MAX_CALLBACK_SLOTS}", callback.slots));
    }
    check_members(d, &callback.frame, &callback.params, &callback.ret).map_err(|e| format!("callback {e}"))
}

/// Most extra arguments a variadic function may take.
const MAX_VARIADIC_EXTRAS: u32 = 256;

/// A variadic function's count and extra records lie inside its frame,
/// aligned, apart from each other and from its parameters and result.
fn check_variadic(d: &Descriptor, f: &Function) -> Problem {
    let Some(v) = &f.variadic else { return Ok(()) };
    if f.role.is_some() {
        return Err("only a declared function can be variadic".into());
    }
    if v.max == 0 || v.max > MAX_VARIADIC_EXTRAS {
        return Err(format!("{} variadic extras is not between 1 and {MAX_VARIADIC_EXTRAS}", v.max));
    }
    // Saturating: a bogus offset must fail the check, not overflow.
    let apart = v.bits.saturating_add(8) <= v.address || v.address.saturating_add(8) <= v.bits;
    let inside = |at: u64| at >= 4 && at.is_multiple_of(8) && at.saturating_add(8) <= v.stride;
    if v.stride % 8 != 0 || !inside(v.bits) || !inside(v.address) || !apart {
        return Err(format!(
            "variadic extras of {} bytes with bits at {} and address at {} do not fit",
            v.stride, v.bits, v.address
        ));
    }
    let extras = v.extras_offset..v.extras_offset.saturating_add(u64::from(v.max).saturating_mul(v.stride));
    let count = v.count_offset..v.count_offset.saturating_add(4);
    let fits = |r: &std::ops::Range<u64>| r.end <= f.frame.size;
    if !fits(&extras) || !fits(&count) || v.count_offset % 4 != 0 || v.extras_offset % 8 != 0 || f.frame.align < 8 {
        return Err("variadic extras do not fit the frame".into());
    }
    if count.start < extras.end && extras.start < count.end {
        return Err("variadic count overlaps the extras".into());
    }
    // Parameters and the result lie apart from both (in whatever order Zig laid the frame out).
    let overlaps = |m: &Member, r: &std::ops::Range<u64>| {
        let size = d.types.get(m.type_index).map_or(0, |t| t.size);
        m.offset < r.end && r.start < m.offset + size
    };
    if f.params.iter().chain([&f.ret]).any(|m| overlaps(m, &extras) || overlaps(m, &count)) {
        return Err("variadic extras overlap a parameter or the result".into());
    }
    Ok(())
}

fn check_members(d: &Descriptor, frame: &Frame, params: &[Member], ret: &Member) -> Problem {
    if frame.size > MAX_EXTENT || !frame.align.is_power_of_two() || frame.align > 4096 {
        return Err(format!("frame alignment {} is not a power of two up to 4096", frame.align));
    }
    let members = params.iter().map(|p| ("parameter", p)).chain([("result", ret)]);
    for (what, m) in members {
        let t = member_type(d, m).map_err(|e| format!("{what}: {e}"))?;
        if m.offset > MAX_EXTENT || m.offset % t.align != 0 || m.offset + t.size > frame.size || t.align > frame.align {
            return Err(format!("{what} of type {} does not fit its frame at offset {}", t.name, m.offset));
        }
    }
    Ok(())
}

fn member_type<'d>(d: &'d Descriptor, m: &Member) -> Result<&'d Type, String> {
    let t = d.types.get(m.type_index).ok_or_else(|| format!("refers to missing type #{}", m.type_index))?;
    if comptime_only(&t.kind) || t.kind == TypeKind::Unsupported {
        return Err(format!("type {} cannot be passed at run time", t.name));
    }
    Ok(t)
}

pub(super) fn check_declarations(d: &Descriptor) -> Result<(), DescriptorError> {
    let mut names = HashSet::new();
    let all = d
        .functions
        .iter()
        .filter(|f| f.role.is_none() && !f.hidden)
        .map(|f| (f.owner, &f.name))
        .chain(d.variables.iter().map(|v| (v.owner, &v.name)))
        .chain(d.constants.iter().map(|c| (c.owner, &c.name)))
        .chain(d.type_decls.iter().map(|t| (t.owner, &t.name)))
        .chain(d.unsupported.iter().map(|u| (u.owner, &u.name)));
    for (owner, name) in all {
        if name.is_empty() || !names.insert((owner, name)) {
            return Err(declaration(name, "name is empty or declared twice"));
        }
        let owner_ok = owner.is_none_or(|o| d.types.get(o).is_some_and(|t| can_declare(&t.kind)));
        if !owner_ok {
            return Err(declaration(name, "declared in something that is not a struct type"));
        }
    }
    let mut slots = HashSet::new();
    for v in &d.variables {
        let storable = d.types.get(v.type_index).is_some_and(|t| in_memory(&t.kind) || followable(d, &t.kind));
        if !storable || v.slot >= d.variables.len() || !slots.insert(v.slot) {
            return Err(declaration(&v.name, "bad type or storage slot"));
        }
    }
    if let Some(t) = d.type_decls.iter().find(|t| {
        d.types
            .get(t.type_index)
            .is_none_or(|ty| !in_memory(&ty.kind) && !comptime_only(&ty.kind) && !declares_pointers(&ty.kind))
    }) {
        return Err(declaration(&t.name, "type declaration refers to a missing or unsupported type"));
    }
    for c in &d.constants {
        if !d.types.get(c.type_index).is_some_and(|t| comptime_only(&t.kind)) {
            return Err(declaration(&c.name, "a comptime value must have a comptime-only type"));
        }
        check_value(d, c.type_index, &c.value).map_err(|e| declaration(&c.name, &e))?;
    }
    Ok(())
}

/// Kinds of declared types that are no values in memory: opaque types (the
/// class of their handles), and pointers and slices (classes of objects
/// holding what they point at).
fn declares_pointers(kind: &TypeKind) -> bool {
    matches!(kind, TypeKind::Opaque | TypeKind::Pointer { .. } | TypeKind::Slice { .. })
}

/// Kinds that may declare functions and constants: structs, unions (which
/// are structs here), enums and opaque types, comptime-only ones too.
fn can_declare(kind: &TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Struct { .. }
            | TypeKind::Enum { .. }
            | TypeKind::Opaque
            | TypeKind::ComptimeStruct { .. }
            | TypeKind::ComptimeUnion { .. }
    )
}

fn declaration(name: &str, problem: &str) -> DescriptorError {
    DescriptorError::Declaration { name: name.to_owned(), problem: problem.to_owned() }
}
