import { expose } from 'comlink';
import { createRunner } from './runLoop';

// The simulation engine behind a comlink API (see protocol.ts).
expose(createRunner());
