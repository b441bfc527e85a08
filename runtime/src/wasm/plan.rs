//! The call plan for a WebAssembly call, in and out as flat numbers so that
//! one N-API call carries it.
//!
//! In: six numbers per target: `buffer, offset, len, align, writable,
//! address`, where `address` is where the buffer's first byte is in wasm
//! memory (a tied buffer) or -1 when the callee cannot see the buffer.
//!
//! Out: `scratch_size, cluster_count`, then five numbers per cluster:
//! `buffer, start, len, placed, copy_back`, where `placed` is the cluster's
//! offset in a scratch block aligned to [`MAX_ALIGN`] or -1 when it is used
//! in place; then two per target: `in_scratch, address`, the address being
//! relative to the scratch block when `in_scratch` is 1.
use std::collections::HashMap;

use zigport_marshal::plan::{
    plan_call_in, BufferId, CallPlan, Placement, PlanError, ScratchLayout, Target, TargetLocation, MAX_ALIGN,
};

use crate::error::CallError;

const TARGET_FIELDS: usize = 6;

pub fn plan_copies(numbers: &[f64]) -> Result<Vec<f64>, CallError> {
    if !numbers.len().is_multiple_of(TARGET_FIELDS) {
        return Err(CallError::Records("target list is not whole records"));
    }
    let mut targets = Vec::with_capacity(numbers.len() / TARGET_FIELDS);
    // Keyed by id, not indexed: an id is any u32 JS sends, so a table as
    // long as the largest id could be gigabytes.
    let mut reach = HashMap::new();
    for n in numbers.chunks_exact(TARGET_FIELDS) {
        let buffer = whole(n[0])? as u32;
        targets.push(Target {
            buffer: BufferId(buffer),
            offset: whole(n[1])?,
            len: whole(n[2])?,
            align: whole(n[3])?,
            writable: n[4] != 0.0,
        });
        let address = if n[5] < 0.0 { None } else { Some(whole(n[5])?) };
        // The last record naming a buffer decides where it is.
        reach.insert(buffer, address);
    }
    let plan = plan_call_in(&targets, |b| reach.get(&b.0).copied().flatten()).map_err(|e| match e {
        PlanError::Alignment(conflict) => CallError::Alignment(conflict),
        other => CallError::Plan(other.to_string()),
    })?;
    // A block aligned to MAX_ALIGN satisfies every residue a layout at base 0 does.
    let layout = ScratchLayout::new(&plan, 0).map_err(|e| CallError::Plan(e.to_string()))?;
    Ok(encode(&plan, &layout))
}

fn encode(plan: &CallPlan, layout: &ScratchLayout) -> Vec<f64> {
    let mut out = Vec::with_capacity(2 + plan.clusters.len() * 5 + plan.targets.len() * 2);
    out.extend([layout.size() as f64, plan.clusters.len() as f64]);
    for (i, planned) in plan.clusters.iter().enumerate() {
        let c = &planned.cluster;
        let (placed, copy_back) = match planned.placement {
            Placement::InPlace { .. } => (-1.0, false),
            Placement::Copy { copy_back, .. } => (layout.cluster_address(i) as f64, copy_back),
        };
        out.extend([f64::from(c.buffer.0), c.start as f64, c.size() as f64, placed, f64::from(u8::from(copy_back))]);
    }
    for (i, location) in plan.targets.iter().enumerate() {
        let in_scratch = match location {
            TargetLocation::InCluster { cluster, .. } => {
                matches!(plan.clusters[*cluster].placement, Placement::Copy { .. })
            }
            TargetLocation::Empty { .. } => false,
        };
        out.extend([f64::from(u8::from(in_scratch)), layout.target_address(plan, i) as f64]);
    }
    out
}

/// A number JS sent that must be a whole, non-negative, exact integer.
fn whole(n: f64) -> Result<u64, CallError> {
    if n >= 0.0 && n.fract() == 0.0 && n <= MAX_SAFE {
        Ok(n as u64)
    } else {
        Err(CallError::Records("a target field is not a whole number"))
    }
}

const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

const _: () = assert!(MAX_ALIGN <= 4096);

#[cfg(test)]
mod tests {
    use super::*;

    /// `buffer, offset, len, align, writable, address` of one target.
    fn target(offset: f64, len: f64, align: f64, address: f64) -> [f64; 6] {
        [0.0, offset, len, align, 1.0, address]
    }

    #[test]
    fn overlapping_targets_out_of_reach_are_one_copied_cluster() {
        let numbers = [target(1.0, 4.0, 4.0, -1.0), target(3.0, 2.0, 2.0, -1.0)].concat();
        let out = plan_copies(&numbers).unwrap();
        // 4 bytes of scratch, one cluster [1, 5) at scratch offset 0, copied back.
        assert_eq!(out[..7], [4.0, 1.0, 0.0, 1.0, 4.0, 0.0, 1.0]);
        // The i32 at the cluster's start, the i16 two bytes in, both in scratch.
        assert_eq!(out[7..], [1.0, 0.0, 1.0, 2.0]);
    }

    #[test]
    fn the_alignment_conflict_is_the_native_one() {
        let numbers = [target(1.0, 4.0, 4.0, -1.0), target(4.0, 2.0, 2.0, -1.0)].concat();
        let error = plan_copies(&numbers).unwrap_err();
        assert_eq!(error.to_string(), "Unable to simultaneously align memory to 4-byte and 2-byte boundary");
    }

    #[test]
    fn an_aligned_target_in_reach_is_used_in_place() {
        let out = plan_copies(&target(8.0, 4.0, 4.0, 65536.0)).unwrap();
        assert_eq!(out, [0.0, 1.0, 0.0, 8.0, 4.0, -1.0, 0.0, 0.0, 65544.0]);
    }

    #[test]
    fn the_largest_buffer_id_needs_no_table_as_long_as_it() {
        // Found by fuzzing: a buffer id of 2^32 - 1 grew a table of 2^32 addresses (64 GiB).
        let numbers = [4_294_967_295.0, 8.0, 4.0, 4.0, 1.0, 65536.0];
        let out = plan_copies(&numbers).unwrap();
        assert_eq!(out, [0.0, 1.0, 4_294_967_295.0, 8.0, 4.0, -1.0, 0.0, 0.0, 65544.0]);
    }

    #[test]
    fn malformed_numbers_are_refused() {
        assert!(plan_copies(&[0.0; 5]).is_err());
        assert!(plan_copies(&target(0.5, 4.0, 4.0, -1.0)).is_err());
        assert!(plan_copies(&target(-1.0, 4.0, 4.0, -1.0)).is_err());
        assert!(plan_copies(&target(0.0, 4.0, 3.0, -1.0)).is_err());
    }
}
