// The base64 form of a value's bytes (`object.base64`), with the web's
// btoa/atob, which every engine zigport runs on has.

/** Bytes a call to String.fromCharCode is given at most (its argument count is limited). */
const CHUNK = 0x8000;

/** `bytes` (a Uint8Array) as base64 text. */
export function toBase64(bytes) {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

/** The bytes base64 `text` stands for; a TypeError naming `where` when it is not base64. */
export function fromBase64(text, where) {
  let binary;
  try {
    binary = atob(String(text).replace(/\s+/g, ''));
  } catch {
    throw new TypeError(`${where}: expecting base64 text, received ${JSON.stringify(String(text).slice(0, 40))}`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
