//! The boundary fuzzer's targets (hostile-values-targets.zig) but for those
//! taking function pointers: a module that never calls JS, so no JS runs
//! while Zig does, and a call given a typed array for a slice writes the
//! array's address into its frame itself (js/internal/calls/view-addresses.js).
//! Fuzzed with `--fixture hostile-values-direct`.
const targets = @import("hostile-values-targets.zig");

pub const echoU8 = targets.echoU8;
pub const echoI16 = targets.echoI16;
pub const echoU32 = targets.echoU32;
pub const echoI64 = targets.echoI64;
pub const echoU128 = targets.echoU128;
pub const echoUsize = targets.echoUsize;
pub const echoF32 = targets.echoF32;
pub const echoF64 = targets.echoF64;
pub const echoBool = targets.echoBool;
pub const Color = targets.Color;
pub const colorValue = targets.colorValue;
pub const Failure = targets.Failure;
pub const isBeta = targets.isBeta;
pub const unwrapOr = targets.unwrapOr;
pub const orDefault = targets.orDefault;
pub const sumArray = targets.sumArray;
pub const sumVector = targets.sumVector;
pub const sumBytes = targets.sumBytes;
pub const sumI32 = targets.sumI32;
pub const sumF64 = targets.sumF64;
pub const sumU64 = targets.sumU64;
pub const sumAligned = targets.sumAligned;
pub const fillU16 = targets.fillU16;
pub const reverseI32 = targets.reverseI32;
pub const copyBytes = targets.copyBytes;
pub const lengthZ = targets.lengthZ;
pub const bump = targets.bump;
pub const readI64 = targets.readI64;
pub const sumMany = targets.sumMany;
pub const Point = targets.Point;
pub const pointSum = targets.pointSum;
pub const scalePoint = targets.scalePoint;
pub const Flags = targets.Flags;
pub const flagBits = targets.flagBits;
pub const Pair = targets.Pair;
pub const pairSum = targets.pairSum;
pub const Choice = targets.Choice;
pub const choiceValue = targets.choiceValue;
pub const Record = targets.Record;
pub const recordChecksum = targets.recordChecksum;
pub const duplicate = targets.duplicate;
