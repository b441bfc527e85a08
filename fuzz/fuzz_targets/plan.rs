//! Fuzzes the call planner: targets (buffer ranges with alignments), buffer
//! addresses in or out of the callee's reach, a scratch base, and place
//! records, all derived from the input. The planner must never panic, and
//! what it plans must hold together: see `check_plan` and `check_layout`.
//! Small inputs are also compared with the brute-force models.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zigport_marshal::descriptor::Place;
use zigport_marshal::plan::brute_force::{admitted_addresses, fills, overlap_components};
use zigport_marshal::plan::{
    build_clusters, for_each_fill, placement_constraint, plan_call_in, BufferId, CallPlan, PlaceRecord, Placement,
    PlanError, ScratchLayout, Target, TargetLocation,
};

/// A number mostly small (so that ranges meet and alignments matter), now
/// and then anything (so that sums overflow).
#[derive(Debug, Clone, Copy, Arbitrary)]
enum Num {
    Small(u8),
    Mid(u16),
    Any(u64),
    NearTop(u8),
}

impl Num {
    fn get(self) -> u64 {
        match self {
            Num::Small(n) => u64::from(n),
            Num::Mid(n) => u64::from(n),
            Num::Any(n) => n,
            Num::NearTop(n) => u64::MAX - u64::from(n),
        }
    }
}

#[derive(Debug, Arbitrary)]
struct RawTarget {
    buffer: u8,
    offset: Num,
    len: Num,
    /// log2 of the alignment; values past 12 (and a raw 0 or 3) test the refusal.
    align: u8,
    writable: bool,
}

#[derive(Debug, Arbitrary)]
struct RawRecord {
    parent: Option<u8>,
    element: u8,
    place: u8,
    walks: bool,
    pointee: u8,
    elem_size: u8,
    len: u8,
}

#[derive(Debug, Arbitrary)]
struct Input {
    targets: Vec<RawTarget>,
    /// Per buffer id: its address, or None when out of the callee's reach.
    addresses: Vec<Option<Num>>,
    scratch_base: Num,
    records: Vec<RawRecord>,
    /// Per type: its places, each nullable or not.
    places: Vec<Vec<bool>>,
}

fuzz_target!(|input: Input| {
    let targets: Vec<Target> = input.targets.iter().take(64).map(target).collect();
    let reach = |b: BufferId| input.addresses.get(b.0 as usize).copied().flatten().map(Num::get);
    match plan_call_in(&targets, reach) {
        Ok(plan) => {
            check_plan(&targets, &plan, reach);
            if let Ok(layout) = ScratchLayout::new(&plan, input.scratch_base.get()) {
                check_layout(&targets, &plan, &layout);
            }
        }
        Err(error) => check_refusal(&targets, &error, reach),
    }
    check_fills(&input.records, &input.places);
});

fn target(raw: &RawTarget) -> Target {
    let align = match raw.align {
        0..=12 => 1u64 << raw.align,
        13 => 0,
        14 => 3,
        n => 1u64.checked_shl(u32::from(n)).unwrap_or(0),
    };
    Target {
        buffer: BufferId(u32::from(raw.buffer % 4)),
        offset: raw.offset.get(),
        len: raw.len.get(),
        align,
        writable: raw.writable,
    }
}

/// Clusters cover exactly the overlap components, in order and apart; each
/// placement keeps every member aligned; empty targets get aligned,
/// non-null addresses.
fn check_plan(targets: &[Target], plan: &CallPlan, reach: impl Fn(BufferId) -> Option<u64>) {
    let components = overlap_components(targets);
    for pair in plan.clusters.windows(2) {
        let (a, b) = (&pair[0].cluster, &pair[1].cluster);
        assert!((a.buffer, a.end) <= (b.buffer, b.start), "clusters out of order or overlapping");
    }
    for (k, planned) in plan.clusters.iter().enumerate() {
        let c = &planned.cluster;
        let first = components[c.members[0]];
        assert!(c.members.iter().all(|&i| components[i] == first && targets[i].buffer == c.buffer));
        assert_eq!(c.start, c.members.iter().map(|&i| targets[i].offset).min().unwrap());
        assert_eq!(c.end, c.members.iter().map(|&i| targets[i].end()).max().unwrap());
        assert_eq!(c.writable, c.members.iter().any(|&i| targets[i].writable));
        let constraint = placement_constraint(c, targets).expect("a planned cluster has a constraint");
        if constraint.modulus <= 4096 {
            let admitted = admitted_addresses(c, targets);
            assert_eq!(admitted, vec![constraint.residue], "constraint differs from the model");
        }
        match planned.placement {
            Placement::InPlace { address } => {
                assert_eq!(Some(address), reach(c.buffer).map(|base| base + c.start));
                assert!(constraint.admits(address));
            }
            Placement::Copy { align_modulus, align_residue, len, copy_back } => {
                assert_eq!((align_modulus, align_residue), (constraint.modulus, constraint.residue));
                assert_eq!((len, copy_back), (c.size(), c.writable));
            }
        }
        for &i in &c.members {
            assert_eq!(plan.targets[i], TargetLocation::InCluster { cluster: k, offset: targets[i].offset - c.start });
        }
    }
    for (i, t) in targets.iter().enumerate() {
        assert_eq!(components[i].is_none(), t.is_empty());
        if let TargetLocation::Empty { address } = plan.targets[i] {
            assert!(t.is_empty() && address != 0 && t.is_aligned_at(address));
        }
    }
}

/// Copies lie inside the block, apart from each other, every target aligned.
fn check_layout(targets: &[Target], plan: &CallPlan, layout: &ScratchLayout) {
    assert!(layout.size() <= ScratchLayout::upper_bound(plan), "layout exceeds its upper bound");
    let end = layout.base() + layout.size();
    let mut copies: Vec<(u64, u64)> = Vec::new();
    for (k, planned) in plan.clusters.iter().enumerate() {
        if let Placement::Copy { len, .. } = planned.placement {
            let at = layout.cluster_address(k);
            assert!(at >= layout.base() && at + len <= end, "copy outside the scratch block");
            copies.push((at, at + len));
        }
    }
    copies.sort_unstable();
    assert!(copies.windows(2).all(|w| w[0].1 <= w[1].0), "scratch copies overlap");
    for (i, t) in targets.iter().enumerate() {
        assert!(t.is_aligned_at(layout.target_address(plan, i)), "target #{i} misaligned");
    }
}

/// A refusal names a target that is really wrong, or a real conflict.
fn check_refusal(targets: &[Target], error: &PlanError, reach: impl Fn(BufferId) -> Option<u64>) {
    match *error {
        PlanError::Target { index, .. } => assert!(targets[index].check().is_err()),
        PlanError::AddressOverflow { index, .. } => {
            let t = &targets[index];
            assert!(reach(t.buffer).unwrap_or(0).checked_add(t.end()).is_none());
        }
        PlanError::Alignment(_) => {
            let conflict = build_clusters(targets).iter().any(|c| admitted_addresses(c, targets).is_empty());
            assert!(conflict, "alignment refused where the model finds an address");
        }
    }
}

/// The fill walk matches the model on records that keep the precondition
/// the runtime's record reader enforces: a child names an earlier record,
/// a place of that record's pointee and an element inside its target, and
/// each parent's children come in increasing (element, place) order. A
/// record that breaks it loses its parent here, as the runtime refuses it.
fn check_fills(raw: &[RawRecord], table: &[Vec<bool>]) {
    let places: Vec<Vec<Place>> = table.iter().take(8).map(|l| l.iter().take(8).map(|&n| place(n)).collect()).collect();
    let mut last: Vec<Option<(u64, usize)>> = Vec::new();
    let mut records: Vec<PlaceRecord> = Vec::new();
    for r in raw.iter().take(32) {
        let spot = (u64::from(r.element), usize::from(r.place));
        let fits = |p: &PlaceRecord| {
            let count = places.get(p.pointee).map_or(0, Vec::len);
            p.elem_size > 0 && spot.0 < p.len / p.elem_size && spot.1 < count
        };
        let parent = r
            .parent
            .map(usize::from)
            .filter(|&p| p < records.len() && fits(&records[p]) && last[p].is_none_or(|prev| prev < spot));
        if let Some(p) = parent {
            last[p] = Some(spot);
        }
        last.push(None);
        records.push(PlaceRecord {
            parent,
            element: spot.0,
            place: spot.1,
            walks: r.walks,
            pointee: usize::from(r.pointee),
            elem_size: u64::from(r.elem_size),
            len: u64::from(r.len),
        });
    }
    let mut fast = Vec::new();
    let found = for_each_fill(&records, &places, |f| fast.push(f)).map(|()| fast);
    assert_eq!(found, fills(&records, &places));
}

fn place(nullable: bool) -> Place {
    Place {
        address_offset: 0,
        len_offset: None,
        elem_size: 8,
        elem_align: 8,
        writable: true,
        nullable,
        many: false,
        terminated: false,
        c_string: false,
        pointee: 0,
    }
}
