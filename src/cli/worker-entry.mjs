// Entry of a CLI pool worker when running from TypeScript sources: registers tsx in this thread,
// then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
