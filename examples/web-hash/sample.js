// The text the page's sample button hashes (the browser test checks the
// page's digest of it against Node's).
export const SAMPLE = 'The quick brown fox jumps over the lazy dog';
