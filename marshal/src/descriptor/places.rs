//! Where values hold addresses. A *place* is one pointer or slice inside a
//! value of some type: a struct field, an element of an array field, or the
//! value itself when it is a pointer (the elements of `[]const []const u8`).
//! The runtime writes every place of every target a call passes, so none
//! keeps an address that JS chose: the place of a target JS described gets
//! that target's address, an optional place JS left out gets null.
use super::model::{Descriptor, StructLayout, TypeKind};

/// Most places one type may hold (an array of pointers counts each).
pub const MAX_PLACES: usize = 4096;
/// How deep structs and arrays may nest by value before a type is refused.
const MAX_DEPTH: usize = 32;

/// One address inside a value, at `address_offset` bytes from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    pub address_offset: u64,
    /// Where a slice keeps its element count.
    pub len_offset: Option<u64>,
    /// Size and alignment of what it points at.
    pub elem_size: u64,
    pub elem_align: u64,
    /// Whether Zig may write through it.
    pub writable: bool,
    /// Whether it may be null (`?*T`, `?[]T`, `[*c]T`): left out, it gets
    /// address 0.
    pub nullable: bool,
    /// `[*]T`, `[*c]T`: a run of elements without a length.
    pub many: bool,
    /// `[*:0]T`, `[:0]T`: the run ends in a zero element (which a slice's
    /// length leaves out). Also set for `[*c]u8`, whose run Zig's results
    /// end with a zero as C strings do.
    pub terminated: bool,
    /// `[*c]u8`, `[*c]i8`: read as zero-terminated, but what JS passes
    /// need not end in a zero (C takes buffers through them too).
    pub c_string: bool,
    /// The type it points at, whose own places its target holds.
    pub pointee: usize,
}

impl Descriptor {
    /// The places of every type, by type index (empty for types without).
    pub fn place_table(&self) -> Vec<Vec<Place>> {
        (0..self.types.len()).map(|i| self.places(i)).collect()
    }

    /// The places inside one value of type `index`, in field and element
    /// order (the order JS numbers them in). `index` must belong to this
    /// validated descriptor. Types that nest too deep or hold more than
    /// [`MAX_PLACES`] places report none, and their calls fail for the lack.
    pub fn places(&self, index: usize) -> Vec<Place> {
        let mut out = Vec::new();
        if self.collect(index, 0, 0, &mut out).is_none() {
            out.clear();
        }
        out
    }

    /// The place a pointer or slice value of type `index` is, at `offset`.
    /// A handle (`*Opaque`) is none: it never lies inside a value a call
    /// passes (the exporter refuses such values).
    pub fn place_of(&self, index: usize, offset: u64) -> Option<Place> {
        let (child, is_const, address_offset, len_offset, nullable, many, terminated, c_string) =
            match self.types[index].kind {
                TypeKind::Slice { child, is_const, ptr_offset, len_offset, nullable, terminated } => {
                    (child, is_const, ptr_offset, Some(len_offset), nullable, false, terminated, false)
                }
                TypeKind::Pointer { child, is_const, nullable, many, terminated, c_string } => {
                    (child, is_const, 0, None, nullable, many, terminated || c_string, c_string)
                }
                _ => return None,
            };
        let elem = &self.types[child];
        if elem.kind == TypeKind::Opaque {
            return None;
        }
        Some(Place {
            many,
            terminated,
            c_string,
            address_offset: offset + address_offset,
            len_offset: len_offset.map(|l| offset + l),
            elem_size: elem.size,
            elem_align: elem.align,
            writable: !is_const,
            nullable,
            pointee: child,
        })
    }

    fn collect(&self, index: usize, offset: u64, depth: usize, out: &mut Vec<Place>) -> Option<()> {
        if depth > MAX_DEPTH || out.len() > MAX_PLACES {
            return None;
        }
        if let Some(place) = self.place_of(index, offset) {
            out.push(place);
            return Some(());
        }
        match &self.types[index].kind {
            TypeKind::Struct { layout, fields, union: false, .. } if *layout != StructLayout::Packed => {
                for f in fields.iter().filter(|f| !f.comptime) {
                    self.collect(f.type_index, offset + f.offset, depth + 1, out)?;
                }
            }
            TypeKind::Array { child, len, .. } if !self.places(*child).is_empty() => {
                let stride = self.types[*child].size;
                for k in 0..*len {
                    self.collect(*child, offset + k * stride, depth + 1, out)?;
                    if out.len() > MAX_PLACES {
                        return None;
                    }
                }
            }
            _ => {}
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::descriptor::Descriptor;

    /// `Node = struct { value: u32, data: []const u8, parent: ?*Node }`,
    /// `[2]Node`, and `fn visit(node: Node, pair: *[2]Node) void`.
    fn nodes() -> Descriptor {
        let text = json!({
            "abi": 2, "error_code_bits": 16,
            "functions": [{"name": "visit", "thunk": 0, "frame": {"size": 48, "align": 8},
                "params": [{"type": 0, "offset": 0}, {"type": 5, "offset": 40}], "ret": {"type": 6, "offset": 48}}],
            "variables": [], "constants": [], "unsupported": [],
            "types": [
                {"kind": "struct", "layout": "auto", "tuple": false, "name": "Node", "size": 40, "align": 8, "fields": [
                    {"name": "data", "type": 2, "offset": 0, "bit_offset": 0},
                    {"name": "parent", "type": 3, "offset": 16, "bit_offset": 128},
                    {"name": "value", "type": 1, "offset": 24, "bit_offset": 192}]},
                {"kind": "int", "bits": 32, "signed": false, "name": "u32", "size": 4, "align": 4},
                {"kind": "slice", "child": 7, "const": true, "ptr_offset": 0, "len_offset": 8, "name": "[]const u8", "size": 16, "align": 8},
                {"kind": "pointer", "child": 0, "const": false, "nullable": true, "name": "?*Node", "size": 8, "align": 8},
                {"kind": "array", "child": 0, "len": 2, "name": "[2]Node", "size": 80, "align": 8},
                {"kind": "pointer", "child": 4, "const": false, "name": "*[2]Node", "size": 8, "align": 8},
                {"kind": "void", "name": "void", "size": 0, "align": 1},
                {"kind": "int", "bits": 8, "signed": false, "name": "u8", "size": 1, "align": 1}
            ]
        });
        Descriptor::parse(&text.to_string()).expect("valid")
    }

    #[test]
    fn a_struct_holds_a_place_per_pointer_field_in_field_order() {
        let d = nodes();
        let places = d.places(0);
        let found: Vec<_> = places.iter().map(|p| (p.address_offset, p.len_offset, p.nullable, p.pointee)).collect();
        assert_eq!(found, vec![(0, Some(8), false, 7), (16, None, true, 0)]);
        assert!(!places[0].writable && places[1].writable);
    }

    #[test]
    fn an_array_of_structs_repeats_them_at_each_element() {
        let d = nodes();
        let offsets: Vec<_> = d.places(4).iter().map(|p| p.address_offset).collect();
        assert_eq!(offsets, vec![0, 16, 40, 56]);
        assert!(d.places(1).is_empty());
    }

    /// `Option = struct { name: [*:0]const u8, help: [:0]const u8, parser: *Parser }`.
    fn options() -> Descriptor {
        let text = json!({
            "abi": 2, "error_code_bits": 16, "functions": [], "variables": [], "constants": [], "unsupported": [],
            "types": [
                {"kind": "struct", "layout": "auto", "tuple": false, "name": "Option", "size": 32, "align": 8, "fields": [
                    {"name": "help", "type": 2, "offset": 0, "bit_offset": 0},
                    {"name": "name", "type": 1, "offset": 16, "bit_offset": 128},
                    {"name": "parser", "type": 4, "offset": 24, "bit_offset": 192}]},
                {"kind": "pointer", "child": 3, "const": true, "many": true, "terminated": true, "name": "[*:0]const u8", "size": 8, "align": 8},
                {"kind": "slice", "child": 3, "const": true, "ptr_offset": 0, "len_offset": 8, "terminated": true, "name": "[:0]const u8", "size": 16, "align": 8},
                {"kind": "int", "bits": 8, "signed": false, "name": "u8", "size": 1, "align": 1},
                {"kind": "pointer", "child": 5, "const": false, "name": "*Parser", "size": 8, "align": 8},
                {"kind": "opaque", "name": "Parser", "size": 0, "align": 1}
            ]
        });
        Descriptor::parse(&text.to_string()).expect("valid")
    }

    #[test]
    fn zero_terminated_pointers_are_places_and_handles_are_not() {
        let d = options();
        let found: Vec<_> =
            d.places(0).iter().map(|p| (p.address_offset, p.len_offset, p.many, p.terminated)).collect();
        assert_eq!(found, vec![(0, Some(8), false, true), (16, None, true, true)]);
    }

    #[test]
    fn a_struct_parameter_by_value_has_a_frame_slot_per_place() {
        let d = nodes();
        let slots = d.pointer_slots(&d.functions[0]);
        let found: Vec<_> = slots.iter().map(|s| (s.param, s.address_offset, s.len_offset, s.nullable)).collect();
        assert_eq!(found, vec![(0, 0, Some(8), false), (0, 16, None, true), (1, 40, None, false)]);
        assert_eq!(slots[2].pointee, 4);
    }
}
