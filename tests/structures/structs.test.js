// Zig structs as JS classes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/geometry-structs';

for (const mode of MODES) {
  describe(`${mode}: structs`, () => {
    test('a struct type is a class whose instances have the fields', async () => {
      const { Point } = await importFixture(FIXTURE, { mode });
      const p = new Point({ x: 3, y: 4 });
      assert.ok(p instanceof Point);
      assert.equal(p.x, 3);
      assert.equal(p.y, 4);
      p.x = -1.5;
      assert.equal(p.x, -1.5);
    });

    test('missing fields take their Zig defaults', async () => {
      const { Point, Segment, Kind } = await importFixture(FIXTURE, { mode });
      assert.equal(new Point({ x: 1 }).y, 2.5);
      const s = new Segment({ from: { x: 0, y: 0 }, to: { x: 1, y: 1 } });
      assert.equal(s.label.string, 'none');
      assert.equal(s.kind, Kind.arrow);
      assert.deepEqual(new Segment({ from: { x: 0, y: 0 } }).to.valueOf(), { x: 1, y: 0 }, 'a struct-valued default');
    });

    test('a struct passes by value and comes back as a new object', async () => {
      const { Point, Segment, norm, midpoint } = await importFixture(FIXTURE, { mode });
      assert.equal(norm(new Point({ x: 3, y: 4 })), 5);
      assert.equal(norm({ x: 6, y: 8 }), 10);
      const m = midpoint(new Segment({ from: { x: 0, y: 0 }, to: { x: 4, y: 2 } }));
      assert.ok(m instanceof Point);
      assert.deepEqual(m.valueOf(), { x: 2, y: 1 });
    });

    test('valueOf, toJSON and the type name describe the value', async () => {
      const { Segment } = await importFixture(FIXTURE, { mode });
      const s = new Segment({ from: { x: 0, y: 0 }, to: { x: 4, y: 2 }, label: 'abcd' });
      assert.deepEqual(s.valueOf(), { from: { x: 0, y: 0 }, to: { x: 4, y: 2 }, label: [97, 98, 99, 100], kind: 'arrow' });
      assert.equal(JSON.stringify(s.from), '{"x":0,"y":0}');
      assert.match(Object.prototype.toString.call(s), /Segment\]$/);
    });

    test('nested fields are live views of the parent', async () => {
      const { Segment } = await importFixture(FIXTURE, { mode });
      const s = new Segment({ from: { x: 0, y: 0 }, to: { x: 4, y: 2 } });
      s.to.y = 9;
      assert.equal(s.valueOf().to.y, 9);
      assert.equal(s.to, s.to);
    });

    test('dataView, base64 and $ give the whole value', async () => {
      const { Point } = await importFixture(FIXTURE, { mode });
      const p = new Point({ x: 1, y: 2 });
      assert.equal(p.dataView.byteLength, 16);
      assert.equal(p.dataView.getFloat64(8, true), 2);
      const copy = new Point({ x: 0 });
      copy.base64 = p.base64;
      assert.deepEqual(copy.valueOf(), { x: 1, y: 2 });
      copy.$ = { x: 5, y: 6 };
      assert.deepEqual(copy.valueOf(), { x: 5, y: 6 });
    });

    test('calling the type without new casts memory without copying', async () => {
      const { Point } = await importFixture(FIXTURE, { mode });
      const bytes = new Float64Array([7, 8]);
      const p = Point(bytes);
      assert.equal(p.y, 8);
      p.x = 1;
      assert.equal(bytes[0], 1);
      assert.throws(() => Point(new Uint8Array(3)), { name: 'RangeError' });
    });

    test('packed structs read and write bit fields', async () => {
      const { Flags, Kind, raise } = await importFixture(FIXTURE, { mode });
      const f = new Flags({ visible: true, kind: Kind.line, extra: 7 });
      assert.deepEqual(f.valueOf(), { visible: true, level: 5, kind: 'line', extra: 7 });
      assert.equal(f.dataView.byteLength, 2);
      assert.deepEqual(raise(f).valueOf(), { visible: true, level: 6, kind: 'line', extra: -8 });
      assert.throws(() => { f.level = 8; }, { name: 'RangeError' });
    });

    test('tuples are structs with numbered fields', async () => {
      const { Pair, swap } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(swap(new Pair([5, false])).valueOf(), [-5, true]);
    });

    test('a pub var struct is a live view of Zig memory', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      mod.default.cursor.x = 42;
      assert.equal(mod.cursorX(), 42);
      mod.moveCursor(1);
      assert.equal(mod.default.cursor.x, 43);
      mod.default.cursor = { x: 7, y: 1 };
      assert.equal(mod.cursorX(), 7);
    });

    test('a pub const struct refuses writes, nested fields included', async () => {
      const { unit, default: mod } = await importFixture(FIXTURE, { mode });
      assert.equal(unit.to.x, 1);
      assert.throws(() => { unit.to.x = 3; }, { name: 'TypeError', message: /constant/ });
      assert.throws(() => { mod.unit = {}; }, { name: 'TypeError' });
      assert.equal(unit.to.x, 1);
    });

    test('bad field values and unknown fields are rejected with the field named', async () => {
      const { Point, norm } = await importFixture(FIXTURE, { mode });
      assert.throws(() => new Point({ y: 1 }), { name: 'TypeError', message: /missing field "x"/ });
      assert.throws(() => new Point({ x: 1, z: 2 }), { name: 'TypeError', message: /no field "z"/ });
      assert.throws(() => new Point({ x: 'a' }), { name: 'TypeError', message: /\.x/ });
      assert.throws(() => norm(5), { name: 'TypeError', message: /^norm\(args\[0\]\)/ });
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: struct methods and pointers to structs`, () => {
    test('a pub fn in a struct is callable as value.method() and Type.method(value)', async () => {
      const { Vector } = await importFixture('structures/struct-methods', { mode });
      const v = new Vector({ x: 3, y: 4 });
      assert.equal(v.length(), 5);
      assert.equal(Vector.length(v), 5);
      assert.deepEqual(Vector.zero().valueOf(), { x: 0, y: 0 });
    });

    test('a method taking *Self changes the object in place', async () => {
      const { Vector } = await importFixture('structures/struct-methods', { mode });
      const v = new Vector({ x: 1, y: 2 });
      v.scale(3);
      assert.deepEqual(v.valueOf(), { x: 3, y: 6 });
    });

    test('a pointer to a struct variable gives Zig its memory', async () => {
      const { default: mod, distance } = await importFixture('structures/struct-methods', { mode });
      mod.home.scale(10);
      assert.deepEqual(mod.home.valueOf(), { x: 30, y: 40 });
      assert.equal(distance(mod.home), 50);
      assert.equal(distance({ x: 6, y: 8 }), 10);
    });

    test('a constant struct cannot be handed to a mutable pointer', async () => {
      const { fixed } = await importFixture('structures/struct-methods', { mode });
      assert.throws(() => fixed.scale(2), { name: 'TypeError', message: /constant/ });
      assert.equal(fixed.length(), Math.SQRT2);
    });

    test('a slice of structs accepts an array of objects for a const parameter', async () => {
      const { sumAll } = await importFixture('structures/struct-methods', { mode });
      assert.equal(sumAll([{ x: 1, y: 2 }, { x: 3, y: 4 }]), 10);
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: declarations inside structs`, () => {
    test('constants, variables and nested types are properties of the class', async () => {
      const { Circle } = await importFixture('structures/nested-declarations', { mode });
      assert.equal(Circle.pi, Math.PI);
      assert.equal(Circle.unit.radius, 1);
      assert.ok(Circle.Style.dashed instanceof Circle.Style);
      assert.deepEqual(Circle.make(2).bounds().valueOf(), { width: 4, height: 4 });
      assert.ok(Circle.make(1).bounds() instanceof Circle.Box);
    });

    test('a variable inside a struct is live', async () => {
      const { Circle } = await importFixture('structures/nested-declarations', { mode });
      const before = Circle.created;
      Circle.make(3);
      assert.equal(Circle.created, before + 1);
      Circle.created = 100;
      Circle.make(3);
      assert.equal(Circle.created, 101);
    });

    test('a type that refers to itself is the same class', async () => {
      const { Circle } = await importFixture('structures/nested-declarations', { mode });
      assert.equal(Circle.Self, Circle);
      assert.ok(Math.abs(new Circle.Self({ radius: 1 }).area() - Math.PI) < 1e-12);
    });

    test('constants inside a struct refuse writes', async () => {
      const { Circle } = await importFixture('structures/nested-declarations', { mode });
      assert.throws(() => { Circle.pi = 3; }, { name: 'TypeError', message: /Circle\.pi/ });
      assert.throws(() => { Circle.unit.radius = 2; }, { name: 'TypeError' });
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: optionals and error unions in memory`, () => {
    const FIXTURE_OF = 'structures/optional-fields';

    test('optional fields are null or their value, both ways', async () => {
      const { Reading, describe: describeReading } = await importFixture(FIXTURE_OF, { mode });
      const r = new Reading({ station: 12 });
      assert.equal(r.celsius, null);
      assert.equal(r.station, 12);
      assert.equal(describeReading(r), -988);
      r.celsius = 21.5;
      r.station = null;
      assert.equal(describeReading(r), 21.5);
      assert.deepEqual(r.valueOf(), { celsius: 21.5, station: null, status: 0 });
    });

    test('an error union field throws its error when read', async () => {
      const { Reading, fail } = await importFixture(FIXTURE_OF, { mode });
      const r = new Reading({ station: 1 });
      assert.equal(r.status, 0);
      fail(r);
      assert.throws(() => r.status, { message: 'Sensor lost' });
      r.status = 5;
      assert.equal(r.status, 5);
    });

    test('optional variables and arrays of optionals are live', async () => {
      const { default: mod, lastOrZero, historySum } = await importFixture(FIXTURE_OF, { mode });
      assert.equal(mod.last, 7);
      mod.last = null;
      assert.equal(lastOrZero(), 0);
      assert.deepEqual([...mod.history], [1, null, 3]);
      mod.history[1] = 10;
      assert.equal(historySum(), 14);
    });

    test('an error union variable throws until it holds a value', async () => {
      const { default: mod } = await importFixture(FIXTURE_OF, { mode });
      assert.throws(() => mod.outcome, { message: 'Offline' });
      mod.outcome = 42;
      assert.equal(mod.outcome, 42);
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: comptime fields`, () => {
    test('comptime fields read as their value and refuse writes', async () => {
      const { Header, lengthOf } = await importFixture('structures/comptime-fields', { mode });
      const h = new Header({ length: 9 });
      assert.equal(h.magic, 0xcafe);
      assert.equal(h.version, 3);
      assert.equal(lengthOf(h), 9);
      assert.deepEqual(h.valueOf(), { length: 9, magic: 0xcafe, version: 3 });
      assert.throws(() => { h.magic = 1; }, { name: 'TypeError', message: /comptime field/ });
    });

    test('comptime fields holding a type, an enum literal or null read as JS values', async () => {
      const { Traits, Header } = await importFixture('structures/comptime-fields', { mode });
      const t = new Traits({});
      assert.equal(t.Shape, Header);
      assert.equal(new t.Element(7).$, 7, 'a scalar type reads as its class');
      assert.equal(t.style, 'compact');
      assert.equal(t.nothing, null);
      assert.throws(() => { t.Shape = Header; }, { name: 'TypeError', message: /comptime field/ });
    });

    test('comptime fields of pointers, unions and errors read what Zig keeps, a pointer live', async () => {
      const { Counter, hit } = await importFixture('structures/comptime-fields', { mode });
      const c = new Counter({});
      assert.equal(c.count[0], 0);
      hit(c);
      hit(new Counter({ step: 4 }));
      assert.equal(c.count[0], 5, 'the pointer reads the variable as it is now');
      assert.equal(c.label.string, 'hits');
      assert.equal(c.zero.int, 0);
      assert.deepEqual(c.mode.valueOf(), { on: 3 });
      assert.throws(() => c.last_error, { message: 'Never ran' });
      assert.throws(() => { c.label = 'other'; }, { name: 'TypeError', message: /comptime field/ });
      assert.throws(() => { c.zero.int = 1; }, { name: 'TypeError' });
      assert.equal(c.zero.int, 0);
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: inspection`, () => {
    test('console.log shows a struct by its type name and fields', async () => {
      const { inspect } = await import('node:util');
      const { Vector } = await importFixture('structures/struct-methods', { mode });
      assert.equal(inspect(new Vector({ x: 1, y: 2 })), 'struct-methods.Vector { x: 1, y: 2 }');
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: tagged unions`, () => {
    const FIXTURE_TU = 'structures/tagged-unions';

    test('the active field of a tagged union reads its value, any other null', async () => {
      const { Shape } = await importFixture(FIXTURE_TU, { mode });
      const s = new Shape({ circle: 2 });
      assert.equal(s.circle, 2);
      assert.deepEqual(s.valueOf(), { circle: 2 });
      assert.equal(s.square, null);
    });

    test('the tag enum gives the active tag of a tagged union', async () => {
      const { Shape, Small, pick } = await importFixture(FIXTURE_TU, { mode });
      const s = new Shape({ square: 3 });
      assert.equal(Shape.tag(s), Shape.tag.square);
      assert.equal(String(s), 'square');
      assert.equal(Number(s), 1);
      assert.equal(`${s}`, 'square');
      assert.equal(Small.tag(pick(1)), Small.tag.trio);
      assert.equal(Shape.tag(pick(1)), undefined, 'a union of another tag enum');
      assert.equal(Shape.tag({ square: 3 }), undefined, 'a plain object has no tag');
    });

    test('assigning a field switches the active one', async () => {
      const { Shape } = await importFixture(FIXTURE_TU, { mode });
      const s = new Shape({ circle: 2 });
      s.square = 4;
      assert.deepEqual(s.valueOf(), { square: 4 });
      assert.equal(s.area(), 16);
    });

    test('tagged unions cross calls both ways, with void fields', async () => {
      const { grow, pick, default: mod, Shape } = await importFixture(FIXTURE_TU, { mode });
      assert.deepEqual(grow({ circle: 2 }).valueOf(), { circle: 4 });
      assert.deepEqual(pick(0).valueOf(), { byte: 7 });
      assert.deepEqual(pick(1).valueOf(), { trio: [1, 2, 3] });
      mod.current.point = undefined;
      assert.equal(Shape.area(mod.current), 0);
    });

    test('an enum can have methods', async () => {
      const { Direction } = await importFixture(FIXTURE_TU, { mode });
      assert.equal(Direction.north.opposite(), Direction.south);
    });
  });
}
