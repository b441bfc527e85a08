// What the type table says about one cell (a type in a position, in a mode):
// refused by Zig, not supported by zigport yet, or expected to work. The
// generator and the test read cells through here, so they agree on which
// positions a module holds.
import { GAPS } from './gaps.js';

/** The reason `map` (position name → reason, or { native, wasm } → reason; a reason is a string or a pattern) gives for `position` in `mode`. */
function reasonIn(map, position, mode) {
  const reason = map?.[position.name];
  return typeof reason === 'object' && !(reason instanceof RegExp) ? reason[mode] : reason;
}

/**
 * The status of `type` in `position` in `mode`:
 * - `{ refused }`: Zig rejects the cell (its error); the module leaves it out;
 * - `{ declined }`: zigport refuses the cell by design, with a reason JS
 *   reads when it touches the declaration (the cell's test checks that);
 * - `{ todo, unloadable: true }`: zigport cannot load a module holding the
 *   cell, so the module leaves it out and the test is a todo that does not run
 *   (the module's other cells would fail with it);
 * - `{ todo }`: zigport does not handle it yet; the test runs as a todo;
 * - `{}`: the cell must work.
 */
export function cellStatus(type, position, mode) {
  const refused = type.refused[position.name];
  if (refused) return { refused };
  const gaps = GAPS[type.id] ?? {};
  const declined = reasonIn(gaps.declined, position, mode);
  if (declined) return { declined };
  const unloadable = reasonIn(gaps.unloadable, position, mode);
  if (unloadable) return { todo: unloadable, unloadable: true };
  const todo = reasonIn(gaps.todo, position, mode);
  return todo ? { todo } : {};
}
