// The page: hashes a chosen or dropped file, or a fixed sample, in Zig.
import { sha256Hex } from './hash.zig';
import { SAMPLE } from './sample.js';

const output = document.querySelector('#digest');
const label = document.querySelector('#source');

function show(name, bytes) {
  label.textContent = `${name} (${bytes.length} bytes)`;
  output.textContent = sha256Hex(bytes).string;
}

async function hashFile(file) {
  show(file.name, new Uint8Array(await file.arrayBuffer()));
}

document.querySelector('#sample').addEventListener('click', () => {
  show('sample text', new TextEncoder().encode(SAMPLE));
});
document.querySelector('#file').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (file) hashFile(file);
});
const drop = document.querySelector('#drop');
drop.addEventListener('dragover', (event) => event.preventDefault());
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  const [file] = event.dataTransfer.files;
  if (file) hashFile(file);
});
document.body.dataset.ready = 'true';
