// The descriptor's data model (the twin of marshal/src/descriptor/model.rs):
// the shape of each part, field by field in Rust's order, from which
// serde/ decodes the JSON. Integers decode to BigInt (Rust's u32, u64 and
// usize alike), so that no value the Rust side can hold loses precision.
import {
  bool, byDefault, field as f, option, string, struct, taggedEnum, u32, u64, unitEnum, usize, value, vec,
} from './serde/spec.js';

const no = byDefault(false);
const none = byDefault(null);
const empty = () => [];

const metaMark = unitEnum('MetaMark', ['string', 'clamped_array', 'typed_array', 'plain']);
const functionRole = unitEnum('FunctionRole', ['caller', 'alloc', 'free']);

const member = struct('Member', [f('type', 'typeIndex', usize), f('offset', 'offset', u64)]);
const frame = struct('Frame', [f('size', 'size', u64), f('align', 'align', u64)]);

const variadic = struct('Variadic', [
  f('max', 'max', u32), f('count_offset', 'countOffset', u64), f('extras_offset', 'extrasOffset', u64),
  f('stride', 'stride', u64), f('bits', 'bits', u64), f('address', 'address', u64),
]);

const callbackFrame = struct('CallbackFrame', [
  f('frame', 'frame', frame), f('params', 'params', vec(member)), f('ret', 'ret', member),
  f('slots', 'slots', u32), f('waits', 'waits', bool), f('pointers', 'pointers', bool, no),
]);

const functionSpec = struct('Function', [
  f('name', 'name', string),
  f('owner', 'owner', option(usize), none),
  f('role', 'role', option(functionRole), none),
  f('hidden', 'hidden', bool, no),
  f('thunk', 'thunk', usize),
  f('frame', 'frame', frame),
  f('params', 'params', vec(member)),
  f('ret', 'ret', member),
  f('meta', 'meta', option(metaMark), none),
  f('callback', 'callback', option(callbackFrame), none),
  f('callback_problem', 'callbackProblem', option(string), none),
  f('variadic', 'variadic', option(variadic), none),
]);

const variable = struct('Variable', [
  f('name', 'name', string), f('owner', 'owner', option(usize), none), f('type', 'typeIndex', usize),
  f('slot', 'slot', usize), f('mutable', 'mutable', bool), f('meta', 'meta', option(metaMark), none),
  f('hidden', 'hidden', bool, no),
]);

const constant = struct('Constant', [
  f('name', 'name', string), f('owner', 'owner', option(usize), none), f('type', 'typeIndex', usize),
  f('value', 'value', value),
]);

const unsupported = struct('Unsupported', [
  f('name', 'name', string), f('owner', 'owner', option(usize), none), f('reason', 'reason', string),
]);

const typeDecl = struct('TypeDecl', [
  f('name', 'name', string), f('owner', 'owner', option(usize), none), f('type', 'typeIndex', usize),
]);

const fieldSpec = struct('Field', [
  f('name', 'name', string), f('type', 'typeIndex', usize), f('offset', 'offset', u64),
  f('bit_offset', 'bitOffset', u64), f('bits', 'bits', option(u64), none),
  // Absent: null; present, even as JSON null: a value (Rust's `present`).
  f('default', 'default', value, none), f('comptime', 'comptime', bool, no),
  f('slot', 'slot', option(usize), none), f('meta', 'meta', option(metaMark), none),
]);

const comptimeField = struct('ComptimeField', [f('name', 'name', string), f('type', 'typeIndex', usize)]);
const enumMember = struct('EnumMember', [f('name', 'name', string), f('value', 'value', string)]);
const errorMember = struct('ErrorMember', [f('name', 'name', string), f('value', 'value', u32)]);
const unionTag = struct('UnionTag', [f('type', 'typeIndex', usize), f('offset', 'offset', u64)]);
const unionSelector = struct('UnionSelector', [f('offset', 'offset', u64), f('size', 'size', u64)]);
const structLayout = unitEnum('StructLayout', ['auto', 'extern', 'packed']);

/** The kinds of type, by `kind`, with their fields (null: none). */
const typeKind = taggedEnum('TypeKind', 'kind', [
  ['bool', null], ['void', null], ['comptime_int', null], ['comptime_float', null], ['null', null],
  ['undefined', null], ['enum_literal', null], ['type', null], ['function', null],
  ['comptime_optional', [f('child', 'child', usize)]],
  ['comptime_error_union', [f('child', 'child', usize), f('error_set', 'errorSet', usize)]],
  ['comptime_array', [f('child', 'child', usize), f('len', 'len', u64)]],
  ['comptime_pointer', [f('child', 'child', usize), f('slice', 'slice', bool)]],
  ['comptime_struct', [f('tuple', 'tuple', bool), f('fields', 'fields', vec(comptimeField))]],
  ['comptime_union', [f('fields', 'fields', vec(comptimeField))]],
  ['int', [f('bits', 'bits', u32), f('signed', 'signed', bool), f('pointer_sized', 'pointerSized', bool, no)]],
  ['float', [f('bits', 'bits', u32)]],
  ['optional', [
    f('child', 'child', usize), f('value_offset', 'valueOffset', u64), f('present_offset', 'presentOffset', u64),
    f('memory', 'memory', bool, no),
  ]],
  ['error_union', [
    f('payload', 'payload', usize), f('error_set', 'errorSet', usize), f('value_offset', 'valueOffset', u64),
    f('code_offset', 'codeOffset', u64), f('memory', 'memory', bool, no),
  ]],
  ['error_set', [f('errors', 'errors', option(vec(errorMember)), 'none'), f('nullable', 'nullable', bool, no)]],
  ['slice', [
    f('child', 'child', usize), f('const', 'isConst', bool), f('ptr_offset', 'ptrOffset', u64),
    f('len_offset', 'lenOffset', u64), f('nullable', 'nullable', bool, no), f('terminated', 'terminated', bool, no),
  ]],
  ['pointer', [
    f('child', 'child', usize), f('const', 'isConst', bool), f('many', 'many', bool, no),
    f('nullable', 'nullable', bool, no), f('terminated', 'terminated', bool, no), f('c_string', 'cString', bool, no),
  ]],
  ['array', [
    f('child', 'child', usize), f('len', 'len', u64), f('sentinel', 'sentinel', option(value), none),
    f('vector', 'vector', bool, no), f('bit_packed', 'bitPacked', bool, no),
  ]],
  ['enum', [f('tag', 'tagType', usize), f('exhaustive', 'exhaustive', bool), f('members', 'members', vec(enumMember))]],
  ['struct', [
    f('layout', 'layout', structLayout), f('tuple', 'tuple', bool), f('fields', 'fields', vec(fieldSpec)),
    f('union', 'union', bool, no), f('tag', 'unionTag', option(unionTag), none),
    f('selector', 'selector', option(unionSelector), none),
  ]],
  ['function_pointer', [
    f('caller', 'caller', option(usize), 'none'), f('problem', 'problem', option(string), none),
    f('nullable', 'nullable', bool, no),
  ]],
  ['allocator', [f('ptr_offset', 'ptrOffset', u64), f('vtable_offset', 'vtableOffset', u64)]],
  ['opaque', null],
  ['unsupported', null],
]);

const typeSpec = struct('Type', [f('name', 'name', string), f('size', 'size', u64), f('align', 'align', u64)], {
  prop: 'kind',
  spec: typeKind,
});

/** The whole descriptor. */
export const descriptorSpec = struct('Descriptor', [
  f('abi', 'abi', u32),
  f('runtime_safety', 'runtimeSafety', bool, no),
  f('error_code_bits', 'errorCodeBits', u32),
  f('pointer_size', 'pointerSize', u64, byDefault(8n)),
  f('functions', 'functions', vec(functionSpec)),
  f('variables', 'variables', vec(variable)),
  f('constants', 'constants', vec(constant)),
  f('type_decls', 'typeDecls', vec(typeDecl), empty),
  f('unsupported', 'unsupported', vec(unsupported)),
  f('types', 'types', vec(typeSpec)),
]);
