// `zigport/prebuilt`: what the entries `zigport build` writes import to
// load a module compiled ahead of time (see internal/loader/load-prebuilt.js).
export { loadPrebuiltModule } from './internal/loader/load-prebuilt.js';
