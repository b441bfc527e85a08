//! A module whose behaviour is one number, which tests edit in a copy to see that a changed source rebuilds.
pub fn version() u32 {
    return 1;
}
