//! Step 2 of a call plan: where a cluster may sit in memory so that every
//! member pointer is aligned.
//!
//! Placed at address `A`, member `i` (offset `o_i` from the cluster start,
//! alignment `a_i`, a power of two) needs `(A + o_i) mod a_i = 0`. Let `m` be
//! the member with the largest alignment. Then `A ≡ −o_m (mod a_m)` is
//! necessary, and because every `a_j` divides `a_m` it is also sufficient
//! exactly when `(o_m − o_j) mod a_j = 0` for every other member `j`. So a
//! cluster's whole requirement is one [`Constraint`], or an
//! [`AlignmentConflict`] when no address can satisfy it.
//!
//! All arithmetic is modulo 2^64 (wrapping): every alignment divides 2^64, so
//! wrapping never changes a residue.

use super::cluster::Cluster;
use super::target::Target;

/// The addresses `A` with `A mod modulus = residue`: where a cluster may be
/// placed so that all its members are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Constraint {
    /// A power of two: the largest member alignment.
    pub modulus: u64,
    /// Less than `modulus`.
    pub residue: u64,
}

/// Two members of one cluster whose alignments no single address satisfies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Unable to simultaneously align memory to {larger}-byte and {smaller}-byte boundary")]
pub struct AlignmentConflict {
    /// Alignment of the member with the largest alignment.
    pub larger: u64,
    /// Alignment of the first member (by offset) it cannot be reconciled with.
    pub smaller: u64,
}

impl Constraint {
    /// Whether a cluster placed at `address` has every member aligned. This
    /// is the zero-copy test: a cluster whose real address is admitted can be
    /// passed in place.
    pub fn admits(&self, address: u64) -> bool {
        address & (self.modulus - 1) == self.residue
    }

    /// The first admitted address at or after `base`, or `None` when it would
    /// not fit in a `u64`. Used to place a copy inside scratch memory.
    pub fn first_at_or_after(&self, base: u64) -> Option<u64> {
        let gap = self.residue.wrapping_sub(base) & (self.modulus - 1);
        base.checked_add(gap)
    }
}

/// The placement constraint of `cluster`, whose members index `targets`.
pub fn placement_constraint(cluster: &Cluster, targets: &[Target]) -> Result<Constraint, AlignmentConflict> {
    let strictest = most_aligned_member(cluster, targets);
    let o_m = cluster.offset_of(strictest);
    for &j in &cluster.members {
        let member = &targets[j];
        let o_j = cluster.offset_of(member);
        if o_m.wrapping_sub(o_j) & (member.align - 1) != 0 {
            return Err(AlignmentConflict { larger: strictest.align, smaller: member.align });
        }
    }
    let modulus = strictest.align;
    Ok(Constraint { modulus, residue: o_m.wrapping_neg() & (modulus - 1) })
}

/// The member with the largest alignment (the first such by offset).
fn most_aligned_member<'t>(cluster: &Cluster, targets: &'t [Target]) -> &'t Target {
    let mut strictest = &targets[cluster.members[0]];
    for &i in &cluster.members[1..] {
        if targets[i].align > strictest.align {
            strictest = &targets[i];
        }
    }
    strictest
}

#[cfg(test)]
mod tests {
    use super::super::cluster::build_clusters;
    use super::super::target::BufferId;
    use super::*;

    /// `(offset, len, align)` triples in one buffer, expected to form one cluster.
    fn constraint_of(members: &[(u64, u64, u64)]) -> Result<Constraint, AlignmentConflict> {
        let targets: Vec<Target> = members
            .iter()
            .map(|&(offset, len, align)| Target { buffer: BufferId(0), offset, len, align, writable: true })
            .collect();
        let clusters = build_clusters(&targets);
        assert_eq!(clusters.len(), 1, "members should form one cluster");
        placement_constraint(&clusters[0], &targets)
    }

    #[test]
    fn a_lone_member_needs_its_own_alignment() {
        assert_eq!(constraint_of(&[(3, 8, 8)]), Ok(Constraint { modulus: 8, residue: 0 }));
    }

    #[test]
    fn the_strictest_member_fixes_the_residue() {
        // i16 at cluster offset 0, u64 at cluster offset 2: A + 2 must be 8-aligned.
        let found = constraint_of(&[(1, 4, 2), (3, 8, 8)]);
        assert_eq!(found, Ok(Constraint { modulus: 8, residue: 6 }));
    }

    #[test]
    fn compatible_members_share_the_constraint() {
        let found = constraint_of(&[(1, 4, 4), (3, 2, 2)]);
        assert_eq!(found, Ok(Constraint { modulus: 4, residue: 0 }));
    }

    #[test]
    fn incompatible_members_conflict() {
        let found = constraint_of(&[(1, 4, 4), (4, 2, 2)]);
        assert_eq!(found, Err(AlignmentConflict { larger: 4, smaller: 2 }));
    }

    #[test]
    fn equal_alignments_can_conflict_too() {
        let found = constraint_of(&[(0, 4, 4), (2, 4, 4)]);
        assert_eq!(found, Err(AlignmentConflict { larger: 4, smaller: 4 }));
    }

    #[test]
    fn conflict_message_names_both_boundaries() {
        let conflict = AlignmentConflict { larger: 4, smaller: 2 };
        assert_eq!(conflict.to_string(), "Unable to simultaneously align memory to 4-byte and 2-byte boundary");
    }

    #[test]
    fn admits_only_the_residue_class() {
        let c = Constraint { modulus: 8, residue: 6 };
        assert!(c.admits(0x1006));
        assert!(c.admits(0x100e));
        assert!(!c.admits(0x1008));
    }

    #[test]
    fn first_admitted_address_is_at_or_after_the_base() {
        let c = Constraint { modulus: 8, residue: 6 };
        assert_eq!(c.first_at_or_after(0x1000), Some(0x1006));
        assert_eq!(c.first_at_or_after(0x1006), Some(0x1006));
        assert_eq!(c.first_at_or_after(0x1007), Some(0x100e));
        assert_eq!(c.first_at_or_after(u64::MAX), None);
    }
}
