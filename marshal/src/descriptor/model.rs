//! The descriptor's data model, as decoded from JSON (unvalidated).
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Descriptor {
    pub abi: u32,
    /// Whether the module was built with runtime safety checks (Debug,
    /// ReleaseSafe), i.e. whether its calls can panic on bad values.
    #[serde(default)]
    pub runtime_safety: bool,
    pub error_code_bits: u32,
    /// Bytes of an address (and of `usize`): 8 in a native library, 4 in
    /// WebAssembly.
    #[serde(default = "native_pointer_size")]
    pub pointer_size: u64,
    pub functions: Vec<Function>,
    pub variables: Vec<Variable>,
    pub constants: Vec<Constant>,
    #[serde(default)]
    pub type_decls: Vec<TypeDecl>,
    pub unsupported: Vec<Unsupported>,
    pub types: Vec<Type>,
}

fn native_pointer_size() -> u64 {
    8
}

/// A type in boundary layout: `size`/`align` are those of the value as it
/// sits in a call frame or in storage.
#[derive(Debug, Clone, Deserialize)]
pub struct Type {
    pub name: String,
    pub size: u64,
    pub align: u64,
    #[serde(flatten)]
    pub kind: TypeKind,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind {
    Bool,
    Void,
    ComptimeInt,
    ComptimeFloat,
    /// `null` and `undefined` constants, and enum literals (`.name`).
    Null,
    Undefined,
    EnumLiteral,
    /// `type`: the value of a comptime field that holds a type.
    Type,
    /// A function body (`fn (i32) i32`), held in a comptime value.
    Function,
    /// The comptime-only forms of an optional, error union, array, pointer, struct and union:
    /// they hold comptime-only values, so their values exist only as JSON
    /// (a constant's `value`, a comptime field's `default`), read by type.
    ComptimeOptional {
        child: usize,
    },
    /// Its value is the payload's, or `{"error": name}` with a name of `error_set`.
    ComptimeErrorUnion {
        child: usize,
        error_set: usize,
    },
    ComptimeArray {
        child: usize,
        len: u64,
    },
    /// Read as what it points at; `slice`: as an array of any length.
    ComptimePointer {
        child: usize,
        slice: bool,
    },
    ComptimeStruct {
        tuple: bool,
        fields: Vec<ComptimeField>,
    },
    /// A value is its active field alone (none for a bare union).
    ComptimeUnion {
        fields: Vec<ComptimeField>,
    },
    Int {
        bits: u32,
        signed: bool,
        /// `usize`/`isize`: JS sees a number when the value is a safe integer.
        #[serde(default)]
        pointer_sized: bool,
    },
    Float {
        bits: u32,
    },
    /// `memory`: laid out as in memory (checked at load), so it may be a
    /// field, element or variable; otherwise only a boundary form.
    Optional {
        child: usize,
        value_offset: u64,
        present_offset: u64,
        #[serde(default)]
        memory: bool,
    },
    /// `memory` as for optionals.
    ErrorUnion {
        payload: usize,
        error_set: usize,
        value_offset: u64,
        code_offset: u64,
        #[serde(default)]
        memory: bool,
    },
    /// Members with their codes; `None` for `anyerror`. `nullable` for
    /// `?E`, which Zig keeps as the error code with 0 for null.
    ErrorSet {
        errors: Option<Vec<ErrorMember>>,
        #[serde(default)]
        nullable: bool,
    },
    /// `[]T` / `[]const T`, at the boundary `{ ptr, len }`.
    Slice {
        child: usize,
        #[serde(rename = "const")]
        is_const: bool,
        ptr_offset: u64,
        len_offset: u64,
        /// `?[]T`: null is address 0.
        #[serde(default)]
        nullable: bool,
        /// `[:0]T`: a zero element follows the `len` elements.
        #[serde(default)]
        terminated: bool,
    },
    /// `*T` / `*const T`: an address; `many` for `[*]T`/`[*c]T` (JS passes a
    /// run of elements), `nullable` for `[*c]T` and `?*T` (null is address
    /// 0), `terminated` for `[*:0]T`, `c_string` for `[*c]u8` and
    /// `[*c]i8` (C's `char *`: read up to a zero, though C does not
    /// require one of what it is given).
    Pointer {
        child: usize,
        #[serde(rename = "const")]
        is_const: bool,
        #[serde(default)]
        many: bool,
        #[serde(default)]
        nullable: bool,
        #[serde(default)]
        terminated: bool,
        #[serde(default)]
        c_string: bool,
    },
    /// `[len]T`.
    /// (`[len:s]T` has a `sentinel`, stored after the elements;
    /// `@Vector(len, T)` is an array to JS, its size may include padding.)
    Array {
        child: usize,
        len: u64,
        #[serde(default)]
        sentinel: Option<serde_json::Value>,
        #[serde(default)]
        vector: bool,
        /// A vector whose elements are not a whole number of bytes
        /// (`@Vector(N, bool)`, `@Vector(N, u3)`, `@Vector(N, f80)`):
        /// element i is bits i * b .. (i + 1) * b, b the element's bit
        /// size, from the lowest bit of the first byte.
        #[serde(default)]
        bit_packed: bool,
    },
    /// An enum stored as its integer tag type.
    Enum {
        tag: usize,
        exhaustive: bool,
        members: Vec<EnumMember>,
    },
    /// A struct (or tuple); `layout` is "auto", "extern" or "packed".
    Struct {
        layout: StructLayout,
        tuple: bool,
        fields: Vec<Field>,
        /// A union: every field at the same offset.
        #[serde(default)]
        union: bool,
        /// A tagged union's tag: which field is active.
        #[serde(default)]
        tag: Option<UnionTag>,
        /// A bare union's hidden safety tag (runtime safety on): the index of
        /// the active field. Without it every field reads the same bytes.
        #[serde(default)]
        selector: Option<UnionSelector>,
    },
    /// `*const fn (...) R`: an address, which JS calls through function
    /// `caller` of the descriptor (absent when JS cannot call such a
    /// function, and `problem` says why). `nullable` for `?*const fn`.
    FunctionPointer {
        caller: Option<usize>,
        #[serde(default)]
        problem: Option<String>,
        #[serde(default)]
        nullable: bool,
    },
    /// `std.mem.Allocator`: two addresses. As a parameter JS passes
    /// nothing (zeros: the host supplies its own) or, through the options
    /// argument, an allocator it read from Zig.
    Allocator {
        ptr_offset: u64,
        vtable_offset: u64,
    },
    /// An opaque type (`opaque {}`, `anyopaque`): no size JS could know,
    /// only ever behind a pointer that a handle object holds.
    Opaque,
    Unsupported,
}

/// A value placed at `offset` within an enclosing structure.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Member {
    #[serde(rename = "type")]
    pub type_index: usize,
    pub offset: u64,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Frame {
    pub size: u64,
    pub align: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Function {
    pub name: String,
    /// The struct type the function is declared in, for methods.
    #[serde(default)]
    pub owner: Option<usize>,
    /// Set for the functions that are no declaration of the module but
    /// serve the runtime (see [`FunctionRole`]).
    #[serde(default)]
    pub role: Option<FunctionRole>,
    /// Not a declaration: a function only a comptime value holds, called
    /// through that value.
    #[serde(default)]
    pub hidden: bool,
    pub thunk: usize,
    pub frame: Frame,
    pub params: Vec<Member>,
    pub ret: Member,
    /// How JS reads the result (`@"meta(zigar)"`), if a hook marked it.
    #[serde(default)]
    pub meta: Option<MetaMark>,
    /// For a caller: how JS functions stand in for functions of its type,
    /// when they can (`callback_problem` says why not).
    #[serde(default)]
    pub callback: Option<CallbackFrame>,
    #[serde(default)]
    pub callback_problem: Option<String>,
    /// For a variadic function: where its frame holds the extra arguments.
    #[serde(default)]
    pub variadic: Option<Variadic>,
}

/// Where the frame of a variadic function holds its extra arguments (see
/// js/zig/variadic.zig): their count (a u32) at `count_offset`, then up to
/// `max` records of `stride` bytes from `extras_offset`, each a class (a
/// u32 at its start), a scalar's 64 bits at `bits` and a pointer's address
/// at `address` within it: each record is a pointer slot.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Variadic {
    pub max: u32,
    pub count_offset: u64,
    pub extras_offset: u64,
    pub stride: u64,
    pub bits: u64,
    pub address: u64,
}

/// The frame a trampoline fills when Zig calls a JS function through a
/// function pointer: each parameter and the result as values in memory.
/// `slots` trampolines exist per function type, so that many JS functions
/// of the type can be bound at once.
#[derive(Debug, Clone, Deserialize)]
pub struct CallbackFrame {
    pub frame: Frame,
    pub params: Vec<Member>,
    pub ret: Member,
    pub slots: u32,
    /// Whether a call from another thread must wait for JS: the function
    /// returns a value, or its arguments point into the caller's memory.
    pub waits: bool,
    /// Whether an argument or the result is or holds a pointer: JS reads
    /// and writes a copy of the frame that the runtime marks as Zig memory.
    #[serde(default)]
    pub pointers: bool,
}

/// What a function the exporter adds for the runtime does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionRole {
    /// Calls a pointer to a function of one type, the address being its
    /// last parameter.
    Caller,
    /// Allocates bytes with a Zig allocator given as its two words.
    Alloc,
    /// Frees bytes with a Zig allocator given as its two words.
    Free,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Variable {
    pub name: String,
    /// The struct type it is declared in, if not the module.
    #[serde(default)]
    pub owner: Option<usize>,
    #[serde(rename = "type")]
    pub type_index: usize,
    pub slot: usize,
    pub mutable: bool,
    /// How JS reads the value (`@"meta(zigar)"`), if a hook marked it.
    #[serde(default)]
    pub meta: Option<MetaMark>,
    /// Storage of a comptime field's value (see [`Field::slot`]), which is
    /// no declaration of the module.
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Constant {
    pub name: String,
    /// The struct type it is declared in, if not the module.
    #[serde(default)]
    pub owner: Option<usize>,
    #[serde(rename = "type")]
    pub type_index: usize,
    /// The value as JSON, read by its type (see `validate::values`).
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Unsupported {
    pub name: String,
    /// The struct type it is declared in, if not the module.
    #[serde(default)]
    pub owner: Option<usize>,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructLayout {
    Auto,
    Extern,
    Packed,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub type_index: usize,
    pub offset: u64,
    pub bit_offset: u64,
    /// A packed struct's field: how many bits its value takes (from
    /// `bit_offset` on).
    #[serde(default)]
    pub bits: Option<u64>,
    /// The default value as JSON (numbers as strings), if any (a default of
    /// null is `Some(Value::Null)`).
    #[serde(default, deserialize_with = "present")]
    pub default: Option<serde_json::Value>,
    /// A comptime field: no bytes, only its (default) value.
    #[serde(default)]
    pub comptime: bool,
    /// Where a comptime field's value lies instead, when it has no JSON
    /// form (a pointer, a union): the storage slot of a hidden constant.
    #[serde(default)]
    pub slot: Option<usize>,
    /// How JS reads the field (`@"meta(zigar)"`), if a hook marked it.
    #[serde(default)]
    pub meta: Option<MetaMark>,
}

/// What the module's `@"meta(zigar)"` hooks asked JS to read a value as
/// instead of a zigport object (js/zig/meta.zig). Only reads change, so the
/// runtime needs nothing but a known mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaMark {
    String,
    ClampedArray,
    TypedArray,
    Plain,
}

/// A field of a comptime-only struct or union: its value lies in the value's JSON.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ComptimeField {
    pub name: String,
    #[serde(rename = "type")]
    pub type_index: usize,
}

/// A JSON value that is there, even when it is null.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EnumMember {
    pub name: String,
    /// The tag value, as decimal text.
    pub value: String,
}

/// `pub const Name = SomeType;`
#[derive(Debug, Clone, Deserialize)]
pub struct TypeDecl {
    pub name: String,
    /// The struct type it is declared in, if not the module.
    #[serde(default)]
    pub owner: Option<usize>,
    #[serde(rename = "type")]
    pub type_index: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ErrorMember {
    pub name: String,
    pub value: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct UnionTag {
    #[serde(rename = "type")]
    pub type_index: usize,
    pub offset: u64,
}

/// Where a bare union keeps the index of its active field, and in how many
/// bytes (little-endian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct UnionSelector {
    pub offset: u64,
    pub size: u64,
}
