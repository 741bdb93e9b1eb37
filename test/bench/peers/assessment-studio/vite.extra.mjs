// Builds the adapter against the product's own source: '@runtime' is the repository's runtime/ folder,
// four levels up from this file (test/bench/peers/assessment-studio/). Nothing of this machine is written here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export default { resolve: { alias: { '@runtime': path.resolve(here, '../../../../runtime') } } };
