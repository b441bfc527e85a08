//! Which address every place of every target gets (see
//! `descriptor::places`). JS describes a call's pointers as records: a
//! top-level one per frame slot, a child one per place of a target that
//! points somewhere. Each place of each element of a walked target is then
//! filled with its child record's target, or with null when it may be null;
//! a place that may not be null and has no child fails the call before
//! anything is written. A record that repeats an earlier target (an alias)
//! or lies in Zig's own memory is not walked: its places are filled through
//! the first record, or are Zig's.

use crate::descriptor::Place;

/// One record, as far as filling places goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceRecord {
    /// The record whose target holds the place this one fills, if any.
    pub parent: Option<usize>,
    /// Which element of the parent's target, and which of its places.
    pub element: u64,
    pub place: usize,
    /// Whether its own places are filled here (not an alias, not Zig's memory).
    pub walks: bool,
    /// The type its target holds, that type's size, and the target's length.
    pub pointee: usize,
    pub elem_size: u64,
    pub len: u64,
}

/// One place to fill: `place` of the element at byte `offset` of the target
/// of record `target`, with the target of record `child` (None: null).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fill {
    pub target: usize,
    pub offset: u64,
    pub place: usize,
    pub child: Option<usize>,
}

/// A place that may not be null has no target; `record` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("record {record} leaves a pointer without a target")]
pub struct MissingTarget {
    pub record: usize,
}

/// Calls `visit` with every fill, walked records in order, each one's
/// elements and places in order. Child records of one parent must come in
/// increasing (element, place) order, as the runtime's record reader
/// ensures; children of records that do not walk are ignored.
pub fn for_each_fill(
    records: &[PlaceRecord],
    places: &[Vec<Place>],
    mut visit: impl FnMut(Fill),
) -> Result<(), MissingTarget> {
    let mut children: Vec<(usize, u64, usize, usize)> =
        records.iter().enumerate().filter_map(|(i, r)| r.parent.map(|p| (p, r.element, r.place, i))).collect();
    // Stable: each parent's children keep their (element, place) order.
    children.sort_by_key(|c| c.0);
    let mut next = 0;
    for (p, r) in records.iter().enumerate() {
        let list = places.get(r.pointee).map_or(&[][..], |l| l.as_slice());
        if !r.walks || list.is_empty() || r.elem_size == 0 {
            continue;
        }
        while next < children.len() && children[next].0 < p {
            next += 1;
        }
        for element in 0..r.len / r.elem_size {
            for (j, place) in list.iter().enumerate() {
                let child = children.get(next).filter(|c| c.0 == p && c.1 == element && c.2 == j).map(|c| c.3);
                if child.is_some() {
                    next += 1;
                } else if !place.nullable {
                    return Err(MissingTarget { record: p });
                }
                visit(Fill { target: p, offset: element * r.elem_size, place: j, child });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::brute_force;
    use super::*;

    fn place(nullable: bool) -> Place {
        Place {
            address_offset: 0,
            len_offset: None,
            elem_size: 8,
            elem_align: 8,
            writable: false,
            nullable,
            many: false,
            terminated: false,
            c_string: false,
            pointee: 1,
        }
    }

    /// Type 0 has no places; type 1 has a required place then an optional one.
    fn table() -> Vec<Vec<Place>> {
        vec![vec![], vec![place(false), place(true)]]
    }

    /// Records built the way JS writes them: a tree walked depth-first, each
    /// target's children in (element, place) order, some places left out.
    fn forest() -> impl Strategy<Value = Vec<PlaceRecord>> {
        prop::collection::vec((0u64..4, any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()), 1..24).prop_map(
            |specs| {
                let mut records = Vec::new();
                let mut specs = specs.into_iter();
                while let Some(spec) = specs.next() {
                    grow(&mut records, None, 0, 0, spec, &mut specs, 0);
                }
                records
            },
        )
    }

    type Spec = (u64, bool, bool, bool, bool);

    fn grow(
        out: &mut Vec<PlaceRecord>,
        parent: Option<usize>,
        element: u64,
        place: usize,
        (count, walks, fill_first, fill_second, _): Spec,
        rest: &mut impl Iterator<Item = Spec>,
        depth: usize,
    ) {
        let index = out.len();
        out.push(PlaceRecord { parent, element, place, walks, pointee: 1, elem_size: 16, len: count * 16 });
        if !walks || depth > 3 {
            return;
        }
        for e in 0..count {
            for (j, fill) in [fill_first, fill_second].into_iter().enumerate() {
                if fill {
                    if let Some(spec) = rest.next() {
                        grow(out, Some(index), e, j, spec, rest, depth + 1);
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn fills_every_place_as_the_model_does(records in forest()) {
            let places = table();
            let mut fills = Vec::new();
            let fast = for_each_fill(&records, &places, |f| fills.push(f)).map(|()| fills);
            prop_assert_eq!(fast, brute_force::fills(&records, &places));
        }
    }

    #[test]
    fn a_required_place_without_a_target_fails() {
        let records =
            [PlaceRecord { parent: None, element: 0, place: 0, walks: true, pointee: 1, elem_size: 16, len: 16 }];
        assert_eq!(for_each_fill(&records, &table(), |_| {}), Err(MissingTarget { record: 0 }));
    }

    #[test]
    fn an_alias_or_zig_memory_is_not_walked() {
        let records =
            [PlaceRecord { parent: None, element: 0, place: 0, walks: false, pointee: 1, elem_size: 16, len: 32 }];
        let mut n = 0;
        assert_eq!(for_each_fill(&records, &table(), |_| n += 1), Ok(()));
        assert_eq!(n, 0);
    }
}
