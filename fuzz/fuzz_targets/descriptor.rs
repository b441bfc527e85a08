//! Fuzzes the descriptor decoder and validator with whatever bytes a module
//! could hand the runtime: parsing must end in a descriptor or a typed
//! error, never a panic, an overflow or an absurd allocation. A descriptor
//! that passes is then walked the way the runtime walks it (pointer slots,
//! result slots, the place table), which indexes and adds offsets without
//! re-checking them: validation must have made that safe.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zigport_marshal::descriptor::{Descriptor, MAX_PLACES};

fuzz_target!(|bytes: &[u8]| {
    // The runtime refuses descriptors that are not UTF-8 before parsing.
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(d) = Descriptor::parse(text) else { return };
    for f in &d.functions {
        let _ = d.allocates(f);
        let _ = d.result_slot(f);
        for slot in d.pointer_slots(f) {
            assert!(slot.elem_align.is_power_of_two(), "slot alignment {}", slot.elem_align);
        }
    }
    for (index, places) in d.place_table().iter().enumerate() {
        assert!(places.len() <= MAX_PLACES + 1, "type #{index} has {} places", places.len());
        let size = d.types[index].size;
        for place in places {
            // Every place lies inside a value of its type.
            assert!(place.address_offset + d.pointer_size <= size, "type #{index}: place at {}", place.address_offset);
            assert!(place.len_offset.is_none_or(|at| at + d.pointer_size <= size));
        }
    }
});
