// Runs the parity checks on the module in the page and shows their JSON.
import * as zig from '../../../zig-fixtures/web/parity.zig';
import { runChecks } from './checks.js';

const results = document.querySelector('#results');
try {
  results.textContent = JSON.stringify(runChecks(zig));
} catch (err) {
  results.textContent = JSON.stringify({ failed: `${err.name}: ${err.message}` });
}
document.body.dataset.ready = 'true';
