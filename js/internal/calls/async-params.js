// Parameters that JS fills itself, from the `zigar` module: `Promise(T)`
// makes a call return a promise, `Generator(T, _)` makes it return an async
// iterable, and `AbortSignal` carries the state of the `signal` option.
// A call never passes them; the options object may say how to deliver the
// result instead (`callback`) or which signal to follow (`signal`).
//
// Zig settles a promise or yields an item by calling the struct's callback
// with its `ptr`. One trampoline per such type runs a handler of the
// runtime's own (calls/callbacks.js), and `ptr` says which call the value
// is for, so any number of calls may be under way at once.
import { typeMismatch } from '../errors.js';
import { Status, readArgument } from './callbacks.js';

/** What the call under way on this thread gives its special parameters. */
let current = null;

/**
 * Wraps the converter of a struct type with a `role` (promise, generator or
 * abort_signal): hidden from JS's argument list, written from `current`.
 * `context`: `{ pointerSize, get(index), callbacks() }`.
 */
export function asyncParamType(t, base, context) {
  const field = (name) => t.fields.find((f) => f.name === name);
  const word = context.pointerSize;
  const writeWord = (dv, at, v) => (word === 8 ? dv.setBigUint64(at, BigInt(v), true) : dv.setUint32(at, v, true));
  const readWord = (dv, at) => (word === 8 ? Number(dv.getBigUint64(at, true)) : dv.getUint32(at, true));
  const made = { ...base, hidden: true, role: t.role, inline: null };
  const ptr = field('ptr');
  if (t.role === 'abort_signal') {
    made.write = (dv, offset, value, where) => {
      if (current?.signalCell === undefined) throw new TypeError(`${where}: an abort signal is made by the call that takes it`);
      writeWord(dv, offset + ptr.offset, current.signalCell);
    };
    return made;
  }
  const callback = field('callback');
  const caller = context.get(callback.type).caller;
  const calls = new Map();
  let address = null;
  // Zig calls the callback with (ptr, value) for a promise, and with (ptr,
  // item) or (allocator, ptr, item) for a generator, whose result says
  // whether to go on.
  const handler = (view, at, args) => {
    const { params, ret } = context.callbacks().frameLayout(caller);
    const [id, item] = params.slice(-2);
    const source = args ?? { dv: view(), at };
    const call = calls.get(readWord(source.dv, source.at + id.offset));
    let value;
    try {
      value = readArgument(context.get(item.type), source.dv, source.at + item.offset);
    } catch (err) {
      // An error union holding an error reads as that error.
      value = err;
    }
    const goOn = call ? call.deliver(value) : false;
    if (!goOn) calls.delete(readWord(source.dv, source.at + id.offset));
    // Where the runtime reads the result back: its copy of the frame, when it made one.
    if (t.role === 'generator') context.get(ret.type).write(source.dv, source.at + ret.offset, goOn);
    return Status.done;
  };
  made.write = (dv, offset, value, where) => {
    const call = current?.[t.role];
    if (!call) throw new TypeError(`${where}: ${t.role === 'promise' ? 'a promise' : 'a generator'} is made by the call that takes it`);
    address ??= context.callbacks().internalAddress(caller, handler, where);
    calls.set(call.id, call);
    // Settled without Zig's help (a result or error of its own): Zig will not call for it.
    call.forget = () => calls.delete(call.id);
    writeWord(dv, offset + ptr.offset, call.id);
    writeWord(dv, offset + callback.offset, address);
  };
  return made;
}

let nextId = 1;

/**
 * Runs `invoke()`, a call of function `name` whose special parameters have
 * `roles`, giving them what they need; `options` is the call's options
 * object (or undefined); `returnsValue`, whether the function has a result
 * of its own, which settles its promise at once; `cells()`, a fresh i32
 * Zig can read (`{ address, view }`) for an abort signal; `keepAlive(on)`,
 * whether the process must stay alive for Zig threads to settle what is
 * pending. Returns what the JS caller gets: the promise, the async
 * iterable, or the result.
 */
export function callWithAsyncParams({ name, roles, returnsValue, cells, keepAlive }, options, invoke) {
  const where = `${name}(options)`;
  const given = options?.callback;
  if (given !== undefined && typeof given !== 'function') throw typeMismatch(`${where}.callback`, 'callback', 'a function', given);
  const signal = options?.signal;
  if (signal !== undefined && !isAbortSignal(signal)) throw typeMismatch(`${where}.signal`, 'signal', 'an AbortSignal', signal);
  const call = {};
  let settle = null;
  let returned;
  if (roles.includes('promise')) {
    const delivery = promiseDelivery(given);
    returned = delivery.returned;
    call.promise = { id: nextId++, pending: () => !delivery.settled() };
    settle = delivery.settle;
    call.promise.deliver = (value) => { settle(value); return false; };
  }
  if (roles.includes('generator')) {
    const delivery = generatorDelivery(given);
    returned = delivery.returned;
    call.generator = { id: nextId++, deliver: delivery.deliver, pending: () => !delivery.finished() };
    // JS stopping the iteration releases the process as the end of items does.
    delivery.onStop = () => call.generator.stopped?.();
    // An error before the first item ends the iteration with it.
    settle ??= (value) => { if (value instanceof Error) delivery.deliver(value); };
  }
  if (roles.includes('abort_signal')) {
    const cell = signalCell(signal, cells);
    call.signalCell = cell.address;
    // Zig may read the cell until the promise settles or the generator ends.
    for (const role of ['promise', 'generator']) if (call[role]) call[role].cell = cell;
  }
  const previous = current;
  current = call;
  let result;
  try {
    result = invoke();
  } catch (err) {
    settle?.(err);
    call.promise?.forget?.();
    call.generator?.forget?.();
    return returned;
  } finally {
    current = previous;
  }
  if (returnsValue) {
    settle?.(result);
    call.promise?.forget?.();
  }
  // Still pending: Zig settles it later, maybe from another thread.
  for (const role of ['promise', 'generator']) if (call[role]?.pending()) holdUntilDone(call[role], keepAlive);
  return returned ?? result;
}

/** Keeps the process alive until `call` (a promise's or generator's) is done. */
function holdUntilDone(call, keepAlive) {
  keepAlive(true);
  const deliver = call.deliver;
  call.deliver = (value) => {
    const goOn = deliver(value);
    if (!goOn && !call.released) {
      call.released = true;
      keepAlive(false);
    }
    return goOn;
  };
  call.stopped = () => {
    if (!call.released) {
      call.released = true;
      keepAlive(false);
    }
  };
}

function isAbortSignal(value) {
  return typeof AbortSignal !== 'undefined' && value instanceof AbortSignal;
}

/**
 * How a promise parameter's value reaches JS: a promise the call returns,
 * or the `callback` option, called with `(value)` or, when it takes two
 * parameters, node-style `(error, value)`. Settles once.
 */
function promiseDelivery(callback) {
  let done = false;
  const settled = () => done;
  if (callback) {
    const settle = (value) => {
      if (done) return;
      done = true;
      if (callback.length === 2) {
        if (value instanceof Error) callback(value, null);
        else callback(null, value);
      } else {
        callback(value);
      }
    };
    return { settle, settled, returned: undefined };
  }
  let resolve;
  let reject;
  const returned = new Promise((res, rej) => { resolve = res; reject = rej; });
  const settle = (value) => {
    if (done) return;
    done = true;
    if (value instanceof Error) reject(value);
    else resolve(value);
  };
  return { settle, settled, returned };
}

/**
 * How a generator parameter's items reach JS: an async iterable the call
 * returns (items wait in a queue until JS asks for them; an error throws
 * from iteration; null ends it), or the `callback` option, called per item
 * (`(item)` or `(error, item)`; null at the end), which stops the
 * generator by returning false. `deliver(item)` answers Zig's `yield`:
 * whether to go on.
 */
function generatorDelivery(callback) {
  let finished = false;
  const delivery = { finished: () => finished, onStop: null };
  if (callback) {
    const deliver = (item) => {
      if (finished) return false;
      if (item === null || item instanceof Error) finished = true;
      const answer = callback.length === 2
        ? (item instanceof Error ? callback(item, null) : callback(null, item))
        : callback(item);
      if (answer === false) finished = true;
      return !finished;
    };
    return Object.assign(delivery, { deliver, returned: undefined });
  }
  const queue = [];
  const waiting = [];
  const deliver = (item) => {
    if (finished) return false;
    if (item === null || item instanceof Error) finished = true;
    const entry = item === null ? { done: true, value: undefined } : item instanceof Error ? { error: item } : { done: false, value: item };
    const next = waiting.shift();
    if (next) settleNext(next, entry);
    else queue.push(entry);
    return !finished;
  };
  const iterator = {
    next() {
      const entry = queue.shift();
      if (entry) return entryPromise(entry);
      if (finished) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    // JS stopped iterating: Zig's next yield returns false.
    return(value) {
      finished = true;
      delivery.onStop?.();
      queue.length = 0;
      for (const next of waiting.splice(0)) next.resolve({ done: true, value: undefined });
      return Promise.resolve({ done: true, value });
    },
    throw(err) {
      iterator.return();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return Object.assign(delivery, { deliver, returned: iterator });
}

function entryPromise(entry) {
  return entry.error ? Promise.reject(entry.error) : Promise.resolve(entry);
}

function settleNext(next, entry) {
  if (entry.error) next.reject(entry.error);
  else next.resolve(entry);
}

/**
 * The address of an i32 Zig reads for the call's abort state: 1 once
 * `signal` aborts (at once when it already has). `cells()` gives a fresh
 * cell `{ address, view }` (an Int32Array over it), returned.
 */
function signalCell(signal, cells) {
  const cell = cells();
  if (signal?.aborted) Atomics.store(cell.view, 0, 1);
  else signal?.addEventListener('abort', () => Atomics.store(cell.view, 0, 1), { once: true });
  return cell;
}
