// zigport's public API beyond `import x from './file.zig'`.
export { ZigError, ZigCompileError } from './internal/errors.js';
