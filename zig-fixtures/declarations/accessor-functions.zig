//! Functions named `get <name>` and `set <name>` become accessors: on the
//! module, on a type (static), and on its instances.
var total: u32 = 10;

pub fn @"get total"() u32 {
    return total;
}

pub fn @"set total"(value: u32) void {
    total = value;
}

/// A getter without a setter: the property is read-only.
pub fn @"get doubled"() u32 {
    return total * 2;
}

pub const Temperature = struct {
    celsius: f64,

    pub fn @"get fahrenheit"(self: Temperature) f64 {
        return self.celsius * 9 / 5 + 32;
    }

    pub fn @"set fahrenheit"(self: *Temperature, value: f64) void {
        self.celsius = (value - 32) * 5 / 9;
    }

    pub fn @"get freezing"() f64 {
        return 0;
    }
};
