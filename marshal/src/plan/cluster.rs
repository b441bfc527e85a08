//! Step 1 of a call plan: targets that share bytes must end up at one address
//! together, so targets of the same buffer whose ranges overlap are merged
//! into a *cluster*, which is later passed in place or copied as one block.
//!
//! Two rules decide what merges:
//! - Ranges merge only when they share at least one byte. Touching ranges
//!   `[a, b)` and `[b, c)` do not alias, so they stay separate clusters and
//!   may be placed independently.
//! - Empty targets (length 0) cover no bytes: they belong to no cluster and
//!   need no copy.

use super::target::{BufferId, Target};

/// Overlapping targets of one buffer, covering `[start, end)` of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub buffer: BufferId,
    /// Offset of the first byte in the buffer (the smallest member offset).
    pub start: u64,
    /// Offset one past the last byte (the largest member end).
    pub end: u64,
    /// Indices into the target list, in order of offset.
    pub members: Vec<usize>,
    /// Whether any member is writable, so the block must be copied back.
    pub writable: bool,
}

impl Cluster {
    /// Number of bytes the cluster covers (never 0).
    pub fn size(&self) -> u64 {
        self.end - self.start
    }

    /// Offset of `target` from the cluster's first byte.
    pub fn offset_of(&self, target: &Target) -> u64 {
        target.offset - self.start
    }

    fn starting_with(index: usize, target: &Target) -> Self {
        Cluster {
            buffer: target.buffer,
            start: target.offset,
            end: target.end(),
            members: vec![index],
            writable: target.writable,
        }
    }

    /// Whether `target` shares at least one byte with the cluster, given that
    /// it starts no earlier than the cluster does.
    fn overlaps_later(&self, target: &Target) -> bool {
        target.buffer == self.buffer && target.offset < self.end
    }

    fn absorb(&mut self, index: usize, target: &Target) {
        self.end = self.end.max(target.end());
        self.members.push(index);
        self.writable |= target.writable;
    }
}

/// Groups the non-empty targets into clusters, ordered by buffer and then by
/// start offset. Targets must have passed [`Target::check`].
pub fn build_clusters(targets: &[Target]) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..targets.len()).filter(|&i| !targets[i].is_empty()).collect();
    order.sort_by_key(|&i| (targets[i].buffer, targets[i].offset));
    let mut clusters: Vec<Cluster> = Vec::new();
    for index in order {
        let target = &targets[index];
        match clusters.last_mut() {
            Some(current) if current.overlaps_later(target) => current.absorb(index, target),
            _ => clusters.push(Cluster::starting_with(index, target)),
        }
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(buffer: u32, offset: u64, len: u64, writable: bool) -> Target {
        Target { buffer: BufferId(buffer), offset, len, align: 1, writable }
    }

    fn spans(clusters: &[Cluster]) -> Vec<(u32, u64, u64, Vec<usize>)> {
        clusters.iter().map(|c| (c.buffer.0, c.start, c.end, c.members.clone())).collect()
    }

    #[test]
    fn overlapping_ranges_merge() {
        let clusters = build_clusters(&[target(0, 1, 4, false), target(0, 3, 2, false)]);
        assert_eq!(spans(&clusters), [(0, 1, 5, vec![0, 1])]);
    }

    #[test]
    fn touching_ranges_stay_apart() {
        let clusters = build_clusters(&[target(0, 4, 4, false), target(0, 0, 4, false)]);
        assert_eq!(spans(&clusters), [(0, 0, 4, vec![1]), (0, 4, 8, vec![0])]);
    }

    #[test]
    fn a_chain_of_overlaps_forms_one_cluster() {
        let targets = [target(0, 8, 4, false), target(0, 0, 5, false), target(0, 4, 5, false)];
        assert_eq!(spans(&build_clusters(&targets)), [(0, 0, 12, vec![1, 2, 0])]);
    }

    #[test]
    fn a_contained_range_does_not_shrink_the_cluster() {
        let targets = [target(0, 0, 16, false), target(0, 2, 2, false), target(0, 15, 4, false)];
        assert_eq!(spans(&build_clusters(&targets)), [(0, 0, 19, vec![0, 1, 2])]);
    }

    #[test]
    fn empty_targets_belong_to_no_cluster() {
        let targets = [target(0, 0, 8, false), target(0, 4, 0, true), target(0, 8, 0, false)];
        let clusters = build_clusters(&targets);
        assert_eq!(spans(&clusters), [(0, 0, 8, vec![0])]);
        assert!(!clusters[0].writable);
    }

    #[test]
    fn different_buffers_never_merge() {
        let clusters = build_clusters(&[target(1, 0, 8, false), target(0, 0, 8, false)]);
        assert_eq!(spans(&clusters), [(0, 0, 8, vec![1]), (1, 0, 8, vec![0])]);
    }

    #[test]
    fn one_writable_member_makes_the_cluster_writable() {
        let clusters = build_clusters(&[target(0, 0, 4, false), target(0, 2, 4, true)]);
        assert!(clusters[0].writable);
    }
}
