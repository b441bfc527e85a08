//! Misuse: `.startup` for a queue whose `onThreadStart` takes parameters,
//! which only `init` can be given.
const zigar = @import("zigar");

const worker = struct {
    pub fn onThreadStart(id: u32) void {
        _ = id;
    }
};

var queue: zigar.thread.WorkQueue(worker) = .{};

pub const startup = queue.promisify(.startup);
