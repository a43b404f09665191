import { z } from 'zod';

// Imported first by main.tsx, before any schema parses. Zod probes whether it may compile
// validators with `new Function`; under our CSP (no 'unsafe-eval') the probe fails quietly but the
// browser still reports a policy violation for it. jitless skips the probe (and the compiled fast
// path, which a scenario-sized document does not need).
z.config({ jitless: true });
