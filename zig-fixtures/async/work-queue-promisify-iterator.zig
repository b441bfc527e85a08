//! Misuse: `promisify` of a function returning an iterator, which only
//! `asyncify` can turn into an async iterable.
const zigar = @import("zigar");

const worker = struct {
    const Once = struct {
        done: bool = false,
        pub fn next(self: *Once) ?u8 {
            if (self.done) return null;
            self.done = true;
            return 1;
        }
    };

    pub fn once() Once {
        return .{};
    }
};

var queue: zigar.thread.WorkQueue(worker) = .{};

pub const once = queue.promisify(worker.once);
