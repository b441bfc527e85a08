//! Statistics over samples, shipped prebuilt: users of this package run it
//! without Zig installed.
const std = @import("std");

/// What `summarize` finds in a list of samples.
pub const Summary = struct {
    count: u32,
    mean: f64,
    min: f64,
    max: f64,

    /// The distance between the smallest and the largest sample.
    pub fn range(self: Summary) f64 {
        return self.max - self.min;
    }
};

pub const SummaryError = error{NoSamples};

/// Count, mean, minimum and maximum of `samples`.
pub fn summarize(samples: []const f64) SummaryError!Summary {
    if (samples.len == 0) return error.NoSamples;
    var summary = Summary{ .count = @intCast(samples.len), .mean = 0, .min = samples[0], .max = samples[0] };
    var total: f64 = 0;
    for (samples) |s| {
        total += s;
        summary.min = @min(summary.min, s);
        summary.max = @max(summary.max, s);
    }
    summary.mean = total / @as(f64, @floatFromInt(samples.len));
    return summary;
}

/// How many bytes of `data` fall in each of 16 equal bins.
pub fn histogram(data: []const u8) [16]u32 {
    var bins = [_]u32{0} ** 16;
    for (data) |byte| bins[byte >> 4] += 1;
    return bins;
}
