import { mount } from '../../../runtime/react/index';
import '../../../runtime/react/styles.css';
import { workloadDefinition } from '../workload';

// The smallest app a host writes to embed the runtime: one call to the public `mount` with a
// 10-question definition (the bench's probe size). Its production build is what the bundle ceiling
// in ../ceilings.json guards and what bundle-report.mjs breaks down by dependency.
mount(document.getElementById('root')!, { definition: workloadDefinition(10) });
