//! A module whose results come from files it @imports (a .zig and a .zon), which tests edit to see that a change to an import rebuilds.
const helper = @import("imported-helper.zig");
const settings: struct { level: u32 } = @import("imported-settings.zon");

pub fn helperValue() u32 {
    return helper.value;
}

pub fn settingsLevel() u32 {
    return settings.level;
}
