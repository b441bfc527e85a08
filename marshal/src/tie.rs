//! Which bytes of a target in a tieable buffer are tied into wasm memory and
//! which are copied (see DESIGN.md, "WebAssembly mode"). A tie maps whole OS
//! pages of the buffer's memfd over whole pages of the wasm memory, so a target
//! splits into a head fragment before its first whole page, a span of whole
//! pages that is tied, and a tail fragment after its last whole page; the two
//! fragments are copied.
//!
//! Offsets are relative to the start of the tieable buffer (which is page
//! aligned, being offset 0 of its memfd) and to the start of the wasm memory
//! (page aligned too). A page can only be tied when it lands on a page of the
//! wasm memory, so the source and destination offsets must agree modulo the
//! page size; otherwise everything is copied.

/// The OS page size: a power of two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSize(u64);

impl PageSize {
    /// `None` unless `bytes` is a power of two.
    pub fn new(bytes: u64) -> Option<Self> {
        bytes.is_power_of_two().then_some(Self(bytes))
    }

    pub fn get(self) -> u64 {
        self.0
    }

    fn round_up(self, offset: u64) -> Option<u64> {
        offset.checked_next_multiple_of(self.0)
    }

    fn round_down(self, offset: u64) -> u64 {
        offset & !(self.0 - 1)
    }

    fn offset_in_page(self, offset: u64) -> u64 {
        offset & (self.0 - 1)
    }
}

/// A byte range: `len` bytes from `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub offset: u64,
    pub len: u64,
}

impl Span {
    pub fn new(offset: u64, len: u64) -> Self {
        Self { offset, len }
    }

    /// One past the last byte.
    pub fn end(self) -> u64 {
        self.offset + self.len
    }

    fn between(start: u64, end: u64) -> Self {
        Self { offset: start, len: end - start }
    }
}

/// What to do with one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TiePlan {
    /// No whole page of the target can be tied: copy all of it.
    CopyAll,
    Split(TieSplit),
}

/// A target split around the whole pages it contains. `head`, `tied` and
/// `tail` are adjacent and cover the target exactly; `head` and `tail` are
/// shorter than a page and may be empty; `tied` is at least one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TieSplit {
    /// Copied: from the target's start to its first whole page.
    pub head: Span,
    /// Tied: whole pages of the tieable buffer (offsets inside it).
    pub tied: Span,
    /// Copied: from the end of the last whole page to the target's end.
    pub tail: Span,
    /// Offset in wasm memory where `tied` is mapped: page aligned.
    pub destination: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TieRangeError {
    #[error("{len} bytes at offset {offset} run past the end of the address space")]
    Overflow { offset: u64, len: u64 },
}

/// Splits `target` (offsets in the tieable buffer), which is placed at offset
/// `destination` in wasm memory, into copied fragments and a tied span.
pub fn plan_tie(target: Span, destination: u64, page: PageSize) -> Result<TiePlan, TieRangeError> {
    let overflow = |offset| TieRangeError::Overflow { offset, len: target.len };
    let end = target.offset.checked_add(target.len).ok_or(overflow(target.offset))?;
    destination.checked_add(target.len).ok_or(overflow(destination))?;
    if page.offset_in_page(target.offset) != page.offset_in_page(destination) {
        return Ok(TiePlan::CopyAll);
    }
    let Some(first) = page.round_up(target.offset) else { return Ok(TiePlan::CopyAll) };
    let last = page.round_down(end);
    if first >= last {
        return Ok(TiePlan::CopyAll);
    }
    Ok(TiePlan::Split(TieSplit {
        head: Span::between(target.offset, first),
        tied: Span::between(first, last),
        tail: Span::between(last, end),
        destination: destination + (first - target.offset),
    }))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const PAGE: u64 = 4096;

    fn page() -> PageSize {
        PageSize::new(PAGE).unwrap()
    }

    /// The pages of the target a tie may cover, found one by one: a page
    /// qualifies when all of it lies inside the target and it lands on a
    /// page boundary in wasm memory. `None` when there are none.
    fn brute_force_tied(target: Span, destination: u64, page: u64) -> Option<(Span, u64)> {
        let pages: Vec<u64> = (0..=target.end() / page)
            .map(|k| k * page)
            .filter(|&start| start >= target.offset && start + page <= target.end())
            .filter(|&start| (destination + (start - target.offset)).is_multiple_of(page))
            .collect();
        let (&first, &last) = (pages.first()?, pages.last()?);
        assert!(pages.windows(2).all(|w| w[1] == w[0] + page), "tied pages are contiguous");
        Some((Span::between(first, last + page), destination + (first - target.offset)))
    }

    #[test]
    fn a_target_of_whole_pages_is_tied_without_fragments() {
        let plan = plan_tie(Span::new(PAGE, 3 * PAGE), 5 * PAGE, page()).unwrap();
        let expected = TieSplit {
            head: Span::new(PAGE, 0),
            tied: Span::new(PAGE, 3 * PAGE),
            tail: Span::new(4 * PAGE, 0),
            destination: 5 * PAGE,
        };
        assert_eq!(plan, TiePlan::Split(expected));
    }

    #[test]
    fn fragments_around_the_whole_pages_are_copied() {
        let plan = plan_tie(Span::new(100, 3 * PAGE), PAGE + 100, page()).unwrap();
        let expected = TieSplit {
            head: Span::new(100, PAGE - 100),
            tied: Span::new(PAGE, 2 * PAGE),
            tail: Span::new(3 * PAGE, 100),
            destination: 2 * PAGE,
        };
        assert_eq!(plan, TiePlan::Split(expected));
    }

    #[test]
    fn a_target_without_a_whole_page_is_copied() {
        assert_eq!(plan_tie(Span::new(1, PAGE), 1, page()), Ok(TiePlan::CopyAll));
        assert_eq!(plan_tie(Span::new(0, PAGE - 1), 0, page()), Ok(TiePlan::CopyAll));
        assert_eq!(plan_tie(Span::new(0, 0), 0, page()), Ok(TiePlan::CopyAll));
    }

    #[test]
    fn offsets_that_disagree_modulo_the_page_size_are_copied() {
        assert_eq!(plan_tie(Span::new(0, 16 * PAGE), 8, page()), Ok(TiePlan::CopyAll));
    }

    #[test]
    fn a_range_past_the_top_of_the_address_space_is_refused() {
        let error = plan_tie(Span::new(u64::MAX - 10, 20), 0, page()).unwrap_err();
        assert_eq!(error, TieRangeError::Overflow { offset: u64::MAX - 10, len: 20 });
        assert!(plan_tie(Span::new(0, 20), u64::MAX - 10, page()).is_err());
    }

    #[test]
    fn the_last_page_of_the_address_space_is_handled() {
        let top = u64::MAX - (PAGE - 1);
        assert_eq!(plan_tie(Span::new(top + 1, PAGE - 2), top + 1, page()), Ok(TiePlan::CopyAll));
    }

    #[test]
    fn page_sizes_must_be_powers_of_two() {
        assert_eq!(PageSize::new(0), None);
        assert_eq!(PageSize::new(12288), None);
        assert_eq!(PageSize::new(16384).map(PageSize::get), Some(16384));
    }

    #[test]
    fn every_small_target_matches_the_brute_force_model() {
        for page in [1, 2, 4, 8] {
            for offset in 0..40 {
                for len in 0..40 {
                    for destination in 0..2 * page {
                        check(Span::new(offset, len), destination, page);
                    }
                }
            }
        }
    }

    /// Compares [`plan_tie`] with the model and checks the split's shape.
    fn check(target: Span, destination: u64, page: u64) {
        let plan = plan_tie(target, destination, PageSize::new(page).unwrap()).unwrap();
        let case = format!("{target:?} at {destination}, page {page}: {plan:?}");
        let TiePlan::Split(split) = plan else {
            assert_eq!(brute_force_tied(target, destination, page), None, "{case}");
            return;
        };
        assert_eq!(brute_force_tied(target, destination, page), Some((split.tied, split.destination)), "{case}");
        assert_eq!(split.head, Span::between(target.offset, split.tied.offset), "{case}");
        assert_eq!(split.tail, Span::between(split.tied.end(), target.end()), "{case}");
        assert!(split.head.len < page && split.tail.len < page, "{case}");
        assert!(split.tied.len > 0 && split.tied.len.is_multiple_of(page), "{case}");
        assert!(split.tied.offset.is_multiple_of(page) && split.destination.is_multiple_of(page), "{case}");
    }

    proptest! {
        #[test]
        fn random_targets_match_the_brute_force_model(
            shift in 0u32..=6,
            offset in 0u64..512,
            len in 0u64..512,
            destination in 0u64..512,
        ) {
            check(Span::new(offset, len), destination, 1 << shift);
        }

        #[test]
        fn targets_aligned_alike_tie_their_whole_pages(pages in 0u64..64, offset in 0u64..(1 << 20), len in 0u64..(1 << 20)) {
            let destination = pages * PAGE + offset % PAGE;
            check(Span::new(offset, len), destination, PAGE);
        }
    }
}
