//! Two types declaring a constant of the same name: each is on its own
//! class, and neither is a named export of the module.
pub const Celsius = struct {
    pub const unit = "C";
    pub const offset: f64 = 0;
    degrees: f64,
};

pub const Fahrenheit = struct {
    pub const unit = "F";
    pub const offset: f64 = 32;
    degrees: f64,
};

pub const scale = 2;
