//! The call planner's pure core: given every memory range the pointer
//! arguments of one call refer to, decide which bytes are passed where (see
//! DESIGN.md, "A call, native mode", steps 1-3).
//!
//! - [`target`]: what the JS half hands over, and the checks it must pass.
//! - [`cluster`]: overlapping targets of one buffer merge into clusters.
//! - [`alignment`]: the addresses at which a cluster has all members aligned.
//! - [`scratch`]: where the copied clusters go inside one scratch block;
//! - [`fill`]: which address each place inside the targets gets.
//!
//! [`plan_call`] runs the first three and says, per cluster, whether it is
//! passed in place or copied; it allocates no real memory. The runtime then
//! allocates a block of [`ScratchLayout::upper_bound`] bytes, lays the copies
//! out in it with [`ScratchLayout::new`], and reads every target's final
//! address from [`ScratchLayout::target_address`].
//!
//! The property tests compare all of this with brute-force models. They run
//! 256 cases each by default; for a long run set proptest's own variable:
//! `PROPTEST_CASES=100000 cargo test -p zigport-marshal plan`.

mod alignment;
mod cluster;
mod fill;
mod scratch;
mod target;

pub use alignment::{placement_constraint, AlignmentConflict, Constraint};
pub use cluster::{build_clusters, Cluster};
pub use fill::{for_each_fill, Fill, MissingTarget, PlaceRecord};
pub use scratch::{ScratchLayout, ScratchOverflow};
pub use target::{BufferId, Target, TargetError, MAX_ALIGN};

/// What one call does with the memory its pointer arguments refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallPlan {
    /// Ordered by buffer, then by start offset.
    pub clusters: Vec<PlannedCluster>,
    /// One per target, in the order the targets were given.
    pub targets: Vec<TargetLocation>,
}

/// A cluster and the decision where it goes for the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedCluster {
    pub cluster: Cluster,
    pub placement: Placement,
}

/// Where a cluster's bytes are while Zig runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The buffer's own bytes are already aligned: pass `address`, the real
    /// address of the cluster's first byte.
    InPlace { address: u64 },
    /// Copy `len` bytes into scratch memory at an address `A` with
    /// `A mod align_modulus = align_residue`, and copy them back after the
    /// call when `copy_back` (the cluster is writable).
    Copy { align_modulus: u64, align_residue: u64, len: u64, copy_back: bool },
}

/// How to find one target's final address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetLocation {
    /// `offset` bytes after the start of cluster number `cluster`.
    InCluster { cluster: usize, offset: u64 },
    /// An empty target: Zig reads no bytes through it, so it is passed as
    /// `address` without a copy. That is its real address when that is
    /// non-null and aligned, else its alignment itself (a non-null, aligned
    /// address that points at nothing, as Zig uses for empty slices).
    Empty { address: u64 },
}

/// Why a call cannot be made with the memory its arguments refer to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("pointer target #{index}: {source}")]
    Target { index: usize, source: TargetError },
    #[error("pointer target #{index}: buffer address {address:#x} plus its offset overflows")]
    AddressOverflow { index: usize, address: u64 },
    #[error(transparent)]
    Alignment(#[from] AlignmentConflict),
}

/// Plans one call. `address_of` gives the real address of each buffer's
/// first byte.
pub fn plan_call(targets: &[Target], address_of: impl Fn(BufferId) -> u64) -> Result<CallPlan, PlanError> {
    plan_call_in(targets, |b| Some(address_of(b)))
}

/// Plans one call for a callee that sees only some buffers where they are:
/// `reachable` gives the address of a buffer's first byte as the callee
/// sees it, or `None` when the callee cannot see it at all (WebAssembly code
/// sees only its own memory), in which case its clusters are always copied.
pub fn plan_call_in(targets: &[Target], reachable: impl Fn(BufferId) -> Option<u64>) -> Result<CallPlan, PlanError> {
    for (index, target) in targets.iter().enumerate() {
        target.check().map_err(|source| PlanError::Target { index, source })?;
        real_end(index, target, |b| reachable(b).unwrap_or(0))?;
    }
    let mut locations = vec![TargetLocation::Empty { address: 0 }; targets.len()];
    let mut clusters = Vec::new();
    for cluster in build_clusters(targets) {
        for &i in &cluster.members {
            let offset = cluster.offset_of(&targets[i]);
            locations[i] = TargetLocation::InCluster { cluster: clusters.len(), offset };
        }
        let placement = place(&cluster, targets, reachable(cluster.buffer))?;
        clusters.push(PlannedCluster { cluster, placement });
    }
    for (index, target) in targets.iter().enumerate().filter(|(_, t)| t.is_empty()) {
        let address = reachable(target.buffer).map_or(0, |base| base + target.offset);
        locations[index] = TargetLocation::Empty { address: empty_address(target, address) };
    }
    Ok(CallPlan { clusters, targets: locations })
}

/// The real address one past the target's last byte, refused if it would not
/// fit in a `u64` (so later sums of a buffer address and an offset cannot).
fn real_end(index: usize, target: &Target, address_of: impl Fn(BufferId) -> u64) -> Result<u64, PlanError> {
    let address = address_of(target.buffer);
    address.checked_add(target.end()).ok_or(PlanError::AddressOverflow { index, address })
}

/// Decides whether a cluster of a buffer at `buffer_address` (`None`: out
/// of the callee's reach) is passed in place or copied.
fn place(cluster: &Cluster, targets: &[Target], buffer_address: Option<u64>) -> Result<Placement, PlanError> {
    let constraint = placement_constraint(cluster, targets)?;
    if let Some(address) = buffer_address.map(|base| base + cluster.start) {
        if constraint.admits(address) {
            return Ok(Placement::InPlace { address });
        }
    }
    Ok(Placement::Copy {
        align_modulus: constraint.modulus,
        align_residue: constraint.residue,
        len: cluster.size(),
        copy_back: cluster.writable,
    })
}

fn empty_address(target: &Target, real: u64) -> u64 {
    if real != 0 && target.is_aligned_at(real) {
        real
    } else {
        target.align
    }
}

#[cfg(any(test, feature = "models"))]
pub mod brute_force;
#[cfg(test)]
mod tests;
