// Generators of arguments for struct and union parameters: objects of
// field values in several forms (plain, an instance of the Zig type's
// class, a proxy, getters, getters that call Zig meanwhile or detach or
// shrink another field's buffer), and hostile ones (missing, extra or wrong
// fields, cycles, getters that throw).
import { FuzzError, OK, combine, ok, own, refuse } from './arg.mjs';
import { detach } from './memory.mjs';
import { cyclic, throwingProxy } from './scalars.mjs';

/** Calls into Zig from inside a getter, as re-entrant user code would. */
function reenter(ctx) {
  ctx.mod.echoI64(-5n);
  ctx.mod.pointSum({ x: 9, y: 9.5, on: false, color: 'red' });
  ctx.mod.sumI32(new Int32Array([1, 2, 3]));
}

/**
 * A struct whose fields are `fields` (`[name, kind]`); `className` names
 * the module's class for it (its instances are valid too). Canon: an
 * object of the fields' canon values.
 */
export function struct(name, fields, className = null) {
  function parts(r, ctx) {
    return fields.map(([field, kind]) => [field, kind.valid(r, ctx)]);
  }
  const canonOf = (ps) => Object.fromEntries(ps.map(([f, p]) => [f, p.canon]));
  const expectOf = (ps) => combine(ps.map(([, p]) => p));
  const plain = (ps) => Object.fromEntries(ps.map(([f, p]) => [f, p.value]));
  const afterAll = (ps) => (outcome) => ps.map(([, p]) => p.after?.(outcome)).find((x) => x) ?? null;
  function build(ps, desc, value) {
    const expect = expectOf(ps);
    return { expect, value, canon: expect === OK || expect === 'either' ? canonOf(ps) : undefined, desc, after: afterAll(ps) };
  }
  return {
    name,
    valid(r, ctx) {
      const ps = parts(r, ctx);
      const form = r.int(0, 3);
      if (form === 0) return build(ps, `${name} as an object`, plain(ps));
      if (form === 1 && className && ps.every(([, p]) => !p.frame)) {
        const a = build(ps, `a ${name} instance`, null);
        try {
          a.value = new ctx.mod[className](plain(ps));
        } catch {
          a.value = plain(ps);
        }
        return a;
      }
      if (form === 2) return build(ps, `a proxy of a ${name} object`, new Proxy(plain(ps), {}));
      // Getters, the last of which calls into Zig before it answers.
      const value = {};
      ps.forEach(([f, p], i) => {
        Object.defineProperty(value, f, {
          enumerable: true,
          get() { if (i === ps.length - 1) reenter(ctx); return p.value; },
        });
      });
      return build(ps, `${name} with getters that call Zig`, value);
    },
    hostile(r, ctx) {
      const ps = parts(r, ctx);
      return r.pick([
        () => { const v = plain(ps); delete v[r.pick(fields)[0]]; return refuse(v, `${name} missing a field`); },
        () => refuse({ ...plain(ps), notAField: 1 }, `${name} with an extra field`),
        () => { const v = plain(ps); v.self = v; return refuse(v, `${name} that refers to itself`); },
        () => {
          const at = r.int(0, ps.length - 1);
          ps[at] = [ps[at][0], fields[at][1].hostile(r, ctx)];
          const a = build(ps, `${name} with ${ps[at][1].desc} for .${ps[at][0]}`, plain(ps));
          return a;
        },
        () => {
          const v = plain(ps);
          const field = r.pick(fields)[0];
          Object.defineProperty(v, field, { enumerable: true, get() { throw new FuzzError(`getter of ${field}`); } });
          return own(v, `${name} whose .${field} getter throws`, afterAll(ps));
        },
        () => refuse(r.pick([null, undefined, 'abc', 5, [], true]), 'null, undefined, a string, a number, an array or true'),
        () => refuse(cyclic(), 'a cyclic object of other fields'),
        () => own(throwingProxy(), 'a proxy whose every trap throws'),
        () => detachingGetter(r, ctx, ps, build, name),
      ])();
    },
  };
}

/**
 * A struct value whose last getter detaches (or shrinks) the buffer an
 * earlier field's view is on: zigport either refuses it or uses what the
 * view held when it read it; it never reads the freed memory.
 */
function detachingGetter(r, ctx, ps, build, name) {
  const shared = ps.findIndex(([, p]) => p.frame);
  if (shared < 0 || shared === ps.length - 1) return build(ps, `${name} as an object`, Object.fromEntries(ps.map(([f, p]) => [f, p.value])));
  const { buffer } = ps[shared][1].frame;
  const shrink = buffer.resizable && r.chance(0.5);
  const value = {};
  ps.forEach(([f, p], i) => {
    Object.defineProperty(value, f, {
      enumerable: true,
      get() {
        if (i === ps.length - 1) {
          if (shrink) buffer.resize(0);
          else detach(buffer);
        }
        return p.value;
      },
    });
  });
  // The canaries went with the buffer: nothing to check after the call.
  const a = build(ps.map(([f, p]) => [f, { ...p, after: null }]), `${name} whose last getter ${shrink ? 'shrinks' : 'detaches'} .${ps[shared][0]}'s buffer`, value);
  return { ...a, expect: a.expect === OK ? 'either' : a.expect };
}

/** `union(enum) { n: i32, b: bool }`. Canon: `{ n }` or `{ b }`. */
export function choice(n, b) {
  return {
    name: 'Choice',
    valid(r, ctx) {
      const [field, kind] = r.chance(0.5) ? ['n', n] : ['b', b];
      const v = kind.valid(r, ctx);
      return { ...v, value: { [field]: v.value }, canon: { [field]: v.canon }, desc: `Choice .${field} = ${v.desc}` };
    },
    hostile: (r, ctx) => r.pick([
      () => refuse({ n: 1, b: true }, 'Choice with two fields'),
      () => refuse({}, 'Choice with no field'),
      () => refuse({ c: 1 }, 'Choice with a field it lacks'),
      () => { const h = n.hostile(r, ctx); return { ...h, value: { n: h.value }, canon: h.canon === undefined ? undefined : { n: h.canon } }; },
      () => refuse(r.pick([null, 5, 'n']), 'null, a number or a string'),
    ])(),
  };
}

export { ok };
