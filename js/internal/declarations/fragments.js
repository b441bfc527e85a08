// Small pieces of TypeScript text the generator's modules share.

/** `unknown`, with the reason as a comment. */
export function unknown(why) {
  return `unknown /* ${why.replace(/\*\//g, '* /')} */`;
}

/** `text` in parentheses when it is a union, intersection or function, so that `| null` or `[]` binds to the whole. */
export function group(text) {
  return text.includes(' | ') || text.includes(' & ') || text.includes('=>') ? `(${text})` : text;
}
