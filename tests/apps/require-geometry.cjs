// Loads a .zig file with require(), as a CommonJS app would; run with plain
// `node` (ZIGPORT_TARGET picks the mode). Prints what it saw as JSON.
'use strict';
require('zigport/cjs');

const geometry = require('../../zig-fixtures/structures/geometry-structs.zig');
const again = require('../../zig-fixtures/structures/geometry-structs.zig');
const { Point, Kind, norm, moveCursor, cursorX, __zigar } = geometry;

const zigar = Object.getOwnPropertyDescriptor(geometry, '__zigar');
geometry.cursor = { x: 1, y: 0 };
moveCursor(2);
const seen = {
  keys: Object.keys(geometry),
  sameObject: again === geometry,
  zigar: { enumerable: zigar.enumerable, writable: zigar.writable, members: Object.keys(__zigar).sort() },
  // A WebAssembly module's init() is a promise; a native one's is undefined.
  initIsPromise: __zigar.init() instanceof Promise,
  norm: norm(new Point({ x: 3, y: 4 })),
  pointIsClass: typeof Point === 'function' && new Point({ x: 1 }) instanceof Point,
  pointY: new Point({ x: 1 }).y,
  sizeOfPoint: __zigar.sizeOf(Point),
  kindArrow: Number(Kind.arrow),
  cursorAfterMove: geometry.cursor.x,
  cursorX: cursorX(),
  extensible: Object.isExtensible(geometry),
};
console.log(JSON.stringify(seen));
