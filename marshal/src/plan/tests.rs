//! Whole-plan tests: the cases the requirements name, then properties checked
//! against the brute-force models on random target lists.
use proptest::prelude::*;

use super::brute_force::{admitted_addresses, alignment_period, all_members_aligned, overlap_components};
use super::*;

fn writable(offset: u64, len: u64, align: u64) -> Target {
    Target { buffer: BufferId(0), offset, len, align, writable: true }
}

fn read_only(offset: u64, len: u64, align: u64) -> Target {
    Target { writable: false, ..writable(offset, len, align) }
}

/// A 16-byte buffer whose first byte is 16-aligned.
const BUFFER_ADDRESS: u64 = 0x7f00_0000_1000;

#[test]
fn overlapping_i32_and_i16_are_copied_together() {
    // i32 at offset 1 and i16 at offset 3: one cluster [1, 5), i16 at +2.
    let targets = [writable(1, 4, 4), writable(3, 2, 2)];
    let plan = plan_call(&targets, |_| BUFFER_ADDRESS).unwrap();
    assert_eq!(plan.clusters.len(), 1);
    let cluster = &plan.clusters[0].cluster;
    assert_eq!((cluster.start, cluster.end, &cluster.members[..]), (1, 5, &[0, 1][..]));
    let copy = Placement::Copy { align_modulus: 4, align_residue: 0, len: 4, copy_back: true };
    assert_eq!(plan.clusters[0].placement, copy);
    assert_eq!(
        plan.targets,
        [TargetLocation::InCluster { cluster: 0, offset: 0 }, TargetLocation::InCluster { cluster: 0, offset: 2 },]
    );
}

#[test]
fn i32_and_i16_an_odd_distance_apart_cannot_both_be_aligned() {
    let targets = [writable(1, 4, 4), writable(4, 2, 2)];
    let error = plan_call(&targets, |_| BUFFER_ADDRESS).unwrap_err();
    assert_eq!(error, PlanError::Alignment(AlignmentConflict { larger: 4, smaller: 2 }));
    assert_eq!(error.to_string(), "Unable to simultaneously align memory to 4-byte and 2-byte boundary");
}

#[test]
fn aligned_targets_are_passed_in_place() {
    let plan = plan_call(&[writable(4, 4, 4), writable(8, 8, 8)], |_| BUFFER_ADDRESS).unwrap();
    let placements: Vec<Placement> = plan.clusters.iter().map(|c| c.placement).collect();
    let expected = [BUFFER_ADDRESS + 4, BUFFER_ADDRESS + 8].map(|address| Placement::InPlace { address });
    assert_eq!(placements, expected);
}

#[test]
fn clusters_out_of_the_callees_reach_are_always_copied() {
    let plan = plan_call_in(&[writable(4, 4, 4), read_only(8, 8, 8)], |_| None).unwrap();
    let placements: Vec<Placement> = plan.clusters.iter().map(|c| c.placement).collect();
    let copy = |len, align_modulus, copy_back| Placement::Copy { align_modulus, align_residue: 0, len, copy_back };
    assert_eq!(placements, [copy(4, 4, true), copy(8, 8, false)]);
}

#[test]
fn a_conflict_out_of_reach_is_the_same_conflict() {
    let error = plan_call_in(&[writable(1, 4, 4), writable(4, 2, 2)], |_| None).unwrap_err();
    assert_eq!(error.to_string(), "Unable to simultaneously align memory to 4-byte and 2-byte boundary");
}

#[test]
fn an_empty_target_out_of_reach_gets_its_alignment() {
    let plan = plan_call_in(&[writable(8, 0, 8)], |_| None).unwrap();
    assert_eq!(plan.targets, [TargetLocation::Empty { address: 8 }]);
}

#[test]
fn an_empty_target_keeps_an_aligned_real_address() {
    let plan = plan_call(&[writable(8, 0, 8)], |_| BUFFER_ADDRESS).unwrap();
    assert!(plan.clusters.is_empty());
    assert_eq!(plan.targets, [TargetLocation::Empty { address: BUFFER_ADDRESS + 8 }]);
}

#[test]
fn an_empty_target_at_a_misaligned_or_null_address_gets_its_alignment() {
    let plan = plan_call(&[writable(3, 0, 8)], |_| BUFFER_ADDRESS).unwrap();
    assert_eq!(plan.targets, [TargetLocation::Empty { address: 8 }]);
    let plan = plan_call(&[writable(0, 0, 4)], |_| 0).unwrap();
    assert_eq!(plan.targets, [TargetLocation::Empty { address: 4 }]);
}

#[test]
fn a_bad_target_is_refused_by_index() {
    let error = plan_call(&[writable(0, 4, 4), writable(0, 4, 3)], |_| BUFFER_ADDRESS).unwrap_err();
    assert_eq!(error, PlanError::Target { index: 1, source: TargetError::BadAlignment(3) });
    assert_eq!(error.to_string(), "pointer target #1: alignment 3 is not a power of two from 1 to 4096");
}

#[test]
fn a_range_past_the_top_of_memory_is_refused() {
    let error = plan_call(&[writable(8, 16, 1)], |_| u64::MAX - 16).unwrap_err();
    assert_eq!(error, PlanError::AddressOverflow { index: 0, address: u64::MAX - 16 });
}

// ---- properties against the brute-force models ----

fn target_in(buffers: u32) -> impl Strategy<Value = Target> {
    (0..buffers, 0u64..64, 0u64..16, 0u32..=6, any::<bool>()).prop_map(|(buffer, offset, len, shift, writable)| {
        Target { buffer: BufferId(buffer), offset, len, align: 1 << shift, writable }
    })
}

/// 1-8 targets spread over 1-3 buffers.
fn target_lists() -> impl Strategy<Value = Vec<Target>> {
    (1u32..=3).prop_flat_map(|buffers| prop::collection::vec(target_in(buffers), 1..=8))
}

/// A non-null address that is either anything small or a multiple of 64, so
/// that both in-place and copied clusters are common. (Only empty buffers
/// have null data; the unit tests above cover those.)
fn address() -> impl Strategy<Value = u64> {
    prop_oneof![1u64..4096, (1u64..64).prop_map(|k| k * 64)]
}

fn addresses() -> impl Strategy<Value = [u64; 3]> {
    prop::array::uniform3(address())
}

proptest! {
    #[test]
    fn clusters_are_the_overlap_components(targets in target_lists()) {
        let clusters = build_clusters(&targets);
        let components = overlap_components(&targets);
        let mut cluster_of: Vec<Option<usize>> = vec![None; targets.len()];
        for (c, cluster) in clusters.iter().enumerate() {
            for &i in &cluster.members {
                prop_assert_eq!(cluster_of[i], None, "target #{} is in two clusters", i);
                prop_assert_eq!(targets[i].buffer, cluster.buffer);
                cluster_of[i] = Some(c);
            }
            let start = cluster.members.iter().map(|&i| targets[i].offset).min();
            let end = cluster.members.iter().map(|&i| targets[i].end()).max();
            prop_assert_eq!((Some(cluster.start), Some(cluster.end)), (start, end));
        }
        for i in 0..targets.len() {
            prop_assert_eq!(cluster_of[i].is_some(), !targets[i].is_empty());
            for j in 0..targets.len() {
                if components[i].is_some() && components[j].is_some() {
                    prop_assert_eq!(cluster_of[i] == cluster_of[j], components[i] == components[j]);
                }
            }
        }
        for (a, b) in clusters.iter().zip(clusters.iter().skip(1)) {
            prop_assert!(a.buffer != b.buffer || a.end <= b.start, "{:?} overlaps {:?}", a, b);
            prop_assert!((a.buffer, a.start) < (b.buffer, b.start));
        }
    }

    #[test]
    fn alignment_verdict_matches_exhaustive_search(targets in target_lists()) {
        for cluster in build_clusters(&targets) {
            let admitted = admitted_addresses(&cluster, &targets);
            match placement_constraint(&cluster, &targets) {
                Ok(constraint) => {
                    let period = alignment_period(&cluster, &targets);
                    for a in 0..2 * period {
                        prop_assert_eq!(constraint.admits(a), all_members_aligned(&cluster, &targets, a));
                    }
                }
                Err(conflict) => {
                    prop_assert!(admitted.is_empty(), "{} but {:?} works", conflict, admitted);
                    let aligns: Vec<u64> = cluster.members.iter().map(|&i| targets[i].align).collect();
                    prop_assert_eq!(Some(conflict.larger), aligns.iter().copied().max());
                    prop_assert!(aligns.contains(&conflict.smaller));
                }
            }
        }
    }

    #[test]
    fn a_plan_aligns_every_target(targets in target_lists(), real in addresses(), base in address()) {
        let address_of = |b: BufferId| real[b.0 as usize];
        let clusters = build_clusters(&targets);
        let Ok(plan) = plan_call(&targets, address_of) else {
            let conflicts = clusters.iter().filter(|c| admitted_addresses(c, &targets).is_empty());
            prop_assert!(conflicts.count() > 0, "refused although every cluster can be aligned");
            return Ok(());
        };
        let layout = ScratchLayout::new(&plan, base).unwrap();
        for (c, planned) in plan.clusters.iter().enumerate() {
            let cluster = &planned.cluster;
            let real_start = address_of(cluster.buffer) + cluster.start;
            let in_place = all_members_aligned(cluster, &targets, real_start);
            prop_assert_eq!(matches!(planned.placement, Placement::InPlace { .. }), in_place);
            if in_place {
                prop_assert_eq!(layout.cluster_address(c), real_start);
            }
        }
        for (i, target) in targets.iter().enumerate() {
            let address = layout.target_address(&plan, i);
            prop_assert!(target.is_aligned_at(address), "target #{} at {:#x}", i, address);
            prop_assert!(address != 0);
        }
    }

    #[test]
    fn a_cluster_is_writable_when_any_member_is(targets in target_lists(), real in addresses()) {
        if let Ok(plan) = plan_call(&targets, |b| real[b.0 as usize]) {
            for planned in &plan.clusters {
                let any = planned.cluster.members.iter().any(|&i| targets[i].writable);
                prop_assert_eq!(planned.cluster.writable, any);
                if let Placement::Copy { copy_back, .. } = planned.placement {
                    prop_assert_eq!(copy_back, any);
                }
            }
        }
    }

    #[test]
    fn scratch_copies_are_disjoint_and_aligned(targets in target_lists(), real in addresses(), base in address()) {
        let Ok(plan) = plan_call(&targets, |b| real[b.0 as usize]) else { return Ok(()) };
        let layout = ScratchLayout::new(&plan, base).unwrap();
        prop_assert!(layout.size() <= ScratchLayout::upper_bound(&plan));
        let mut regions: Vec<(u64, u64)> = Vec::new();
        for (c, planned) in plan.clusters.iter().enumerate() {
            if let Placement::Copy { len, .. } = planned.placement {
                let start = layout.cluster_address(c);
                prop_assert!(all_members_aligned(&planned.cluster, &targets, start));
                prop_assert!(base <= start && start + len <= base + layout.size());
                regions.push((start, start + len));
            }
        }
        for (k, a) in regions.iter().enumerate() {
            for b in &regions[k + 1..] {
                prop_assert!(a.1 <= b.0 || b.1 <= a.0, "{:?} overlaps {:?}", a, b);
            }
        }
    }
}
