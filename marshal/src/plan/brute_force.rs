//! Slow, obviously correct models of the planner's decisions, for the
//! property tests to compare against. Nothing here is clever on purpose.

use super::{Cluster, Fill, MissingTarget, PlaceRecord, Target};
use crate::descriptor::Place;

/// Whether two targets share at least one byte.
pub fn overlap(a: &Target, b: &Target) -> bool {
    a.buffer == b.buffer && a.offset.max(b.offset) < a.end().min(b.end())
}

/// For each target, the smallest index of a target it is connected to by a
/// chain of overlaps (itself included); `None` for empty targets.
pub fn overlap_components(targets: &[Target]) -> Vec<Option<usize>> {
    let mut label: Vec<Option<usize>> = vec![None; targets.len()];
    for start in 0..targets.len() {
        if label[start].is_some() || targets[start].is_empty() {
            continue;
        }
        let mut stack = vec![start];
        label[start] = Some(start);
        while let Some(i) = stack.pop() {
            for j in 0..targets.len() {
                if label[j].is_none() && overlap(&targets[i], &targets[j]) {
                    label[j] = Some(start);
                    stack.push(j);
                }
            }
        }
    }
    label
}

/// Whether every member of `cluster` is aligned when it is placed at `address`.
pub fn all_members_aligned(cluster: &Cluster, targets: &[Target], address: u64) -> bool {
    cluster.members.iter().all(|&i| {
        let member = &targets[i];
        address.wrapping_add(member.offset - cluster.start).is_multiple_of(member.align)
    })
}

/// Least common multiple of the members' alignments: the period after which
/// the answer of [`all_members_aligned`] repeats.
pub fn alignment_period(cluster: &Cluster, targets: &[Target]) -> u64 {
    cluster.members.iter().fold(1, |period, &i| lcm(period, targets[i].align))
}

/// Every address in one period at which all members are aligned.
pub fn admitted_addresses(cluster: &Cluster, targets: &[Target]) -> Vec<u64> {
    let period = alignment_period(cluster, targets);
    (0..period).filter(|&a| all_members_aligned(cluster, targets, a)).collect()
}

fn lcm(a: u64, b: u64) -> u64 {
    a / gcd(a, b) * b
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Every fill [`super::for_each_fill`] makes: for each walked record,
/// element and place, the child is whichever record names exactly that
/// spot (the first such), found by searching all records.
pub fn fills(records: &[PlaceRecord], places: &[Vec<Place>]) -> Result<Vec<Fill>, MissingTarget> {
    let mut out = Vec::new();
    for (p, r) in records.iter().enumerate() {
        let list = places.get(r.pointee).map_or(&[][..], |l| l.as_slice());
        if !r.walks || list.is_empty() || r.elem_size == 0 {
            continue;
        }
        for element in 0..r.len / r.elem_size {
            for (j, place) in list.iter().enumerate() {
                let child = records.iter().position(|c| c.parent == Some(p) && c.element == element && c.place == j);
                if child.is_none() && !place.nullable {
                    return Err(MissingTarget { record: p });
                }
                out.push(Fill { target: p, offset: element * r.elem_size, place: j, child });
            }
        }
    }
    Ok(out)
}
