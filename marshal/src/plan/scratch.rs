//! Step 3 of a call plan, for the clusters that are copied: where each copy
//! goes inside one scratch block. Copies are laid out in cluster order, each
//! at the first address after the previous one that satisfies its alignment
//! constraint, so they never overlap.
//!
//! The block's size depends on its base address (padding varies), while the
//! block must exist before the layout: allocate
//! [`ScratchLayout::upper_bound`] bytes, which is enough at any base.

use super::alignment::Constraint;
use super::{CallPlan, Placement, TargetLocation};

/// Where every cluster of a plan is during the call, given the scratch
/// block's base address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScratchLayout {
    base: u64,
    size: u64,
    /// One per cluster: its real address if in place, its copy's if copied.
    cluster_addresses: Vec<u64>,
}

/// The copies would not fit below the top of the address space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("scratch memory at {base:#x} cannot hold the copies this call needs")]
pub struct ScratchOverflow {
    pub base: u64,
}

impl ScratchLayout {
    /// Bytes of scratch memory that hold every copy wherever the block
    /// starts: each copy's length plus the worst-case padding before it.
    pub fn upper_bound(plan: &CallPlan) -> u64 {
        copies(plan)
            .fold(0u64, |total, (len, constraint)| total.saturating_add(len).saturating_add(constraint.modulus - 1))
    }

    /// Lays out the copies of `plan` in a block starting at `base`.
    pub fn new(plan: &CallPlan, base: u64) -> Result<Self, ScratchOverflow> {
        let overflow = ScratchOverflow { base };
        let mut cursor = base;
        let mut cluster_addresses = Vec::with_capacity(plan.clusters.len());
        for planned in &plan.clusters {
            let address = match planned.placement {
                Placement::InPlace { address } => address,
                Placement::Copy { align_modulus, align_residue, len, .. } => {
                    let constraint = Constraint { modulus: align_modulus, residue: align_residue };
                    let address = constraint.first_at_or_after(cursor).ok_or(overflow)?;
                    cursor = address.checked_add(len).ok_or(overflow)?;
                    address
                }
            };
            cluster_addresses.push(address);
        }
        Ok(ScratchLayout { base, size: cursor - base, cluster_addresses })
    }

    /// The block's base address, as given to [`ScratchLayout::new`].
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Bytes of the block the copies use (padding included), at most
    /// [`ScratchLayout::upper_bound`].
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Address of cluster number `cluster`'s first byte during the call.
    pub fn cluster_address(&self, cluster: usize) -> u64 {
        self.cluster_addresses[cluster]
    }

    /// The address to pass for target number `target` of `plan`.
    pub fn target_address(&self, plan: &CallPlan, target: usize) -> u64 {
        match plan.targets[target] {
            TargetLocation::InCluster { cluster, offset } => self.cluster_address(cluster) + offset,
            TargetLocation::Empty { address } => address,
        }
    }
}

/// Length and constraint of every copied cluster, in cluster order.
fn copies(plan: &CallPlan) -> impl Iterator<Item = (u64, Constraint)> + '_ {
    plan.clusters.iter().filter_map(|planned| match planned.placement {
        Placement::InPlace { .. } => None,
        Placement::Copy { align_modulus, align_residue, len, .. } => {
            Some((len, Constraint { modulus: align_modulus, residue: align_residue }))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::{plan_call, BufferId, Target};
    use super::*;

    fn target(offset: u64, len: u64, align: u64) -> Target {
        Target { buffer: BufferId(0), offset, len, align, writable: false }
    }

    /// Three misaligned targets in a buffer at 0x1001: all three are copied.
    fn three_copies() -> CallPlan {
        let targets = [target(0, 3, 2), target(4, 8, 8), target(16, 1, 4)];
        plan_call(&targets, |_| 0x1001).unwrap()
    }

    #[test]
    fn copies_follow_each_other_at_their_alignment() {
        let plan = three_copies();
        let layout = ScratchLayout::new(&plan, 0x2000).unwrap();
        assert_eq!(layout.cluster_addresses, [0x2000, 0x2008, 0x2010]);
        assert_eq!(layout.size(), 0x11);
    }

    #[test]
    fn an_odd_base_adds_padding_within_the_upper_bound() {
        let plan = three_copies();
        let layout = ScratchLayout::new(&plan, 0x2001).unwrap();
        assert_eq!(layout.cluster_addresses, [0x2002, 0x2008, 0x2010]);
        assert!(layout.size() <= ScratchLayout::upper_bound(&plan));
    }

    #[test]
    fn in_place_clusters_use_no_scratch() {
        let plan = plan_call(&[target(0, 8, 8), target(8, 4, 4)], |_| 0x1000).unwrap();
        let layout = ScratchLayout::new(&plan, 0x2001).unwrap();
        assert_eq!(ScratchLayout::upper_bound(&plan), 0);
        assert_eq!(layout.size(), 0);
        assert_eq!(layout.target_address(&plan, 1), 0x1008);
    }

    #[test]
    fn a_block_at_the_top_of_memory_overflows() {
        let plan = three_copies();
        assert_eq!(ScratchLayout::new(&plan, u64::MAX - 4), Err(ScratchOverflow { base: u64::MAX - 4 }));
    }
}
