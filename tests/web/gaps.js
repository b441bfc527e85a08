// What zigport/web lacks for a page to run, with the tests that wait on it:
// each runs as a todo (its failure reported, not counted) until the entry
// here is removed. Remove an entry once what it names is fixed.
export const WEB_ENTRY_GAPS = [
  'js/internal/marshal/descriptor/index.js still asks the native addon to check a module, so the web '
    + 'entry reaches node:fs, node:module and node:url (Vite stands empty modules in for them in a page)',
  'js/internal/types/pointer.js and handle-pointer.js name SharedArrayBuffer, which a page that is not '
    + 'cross-origin isolated does not have (ReferenceError)',
];

/** `todo` for a test that needs zigport/web to run in a page: false once no gap is left. */
export const WEB_ENTRY_TODO = WEB_ENTRY_GAPS.length > 0 && `zigport/web: ${WEB_ENTRY_GAPS.join('; ')}`;
