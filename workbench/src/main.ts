/**
 * Workbench entry. Synthetic shadow must load before the LWC engine (SLDS's global classes reach
 * component templates only through it), so the app — and with it the engine — comes in by a
 * dynamic import afterwards.
 */
import '@lwc/synthetic-shadow';

const root = document.getElementById('workbench');
if (root) {
  void import('./app/app').then(({ start }) => start(root));
}
