import type { Lesson } from '../types';
import { backoffJitter } from './backoffJitter';
import { bulkhead } from './bulkhead';
import { circuitBreaker } from './circuitBreaker';
import { metastableFailure } from './metastableFailure';
import { retryStorm } from './retryStorm';
import { synchronousChain } from './synchronousChain';
import { timeouts } from './timeouts';
import { queueSpike } from './queueSpike';
import { saga } from './saga';
import { gatewayAggregation } from './gatewayAggregation';
import { sharedDatabase } from './sharedDatabase';
import { healthChecks } from './healthChecks';
import { loadShedding } from './loadShedding';
import { cacheStampede } from './cacheStampede';
import { stranglerFig } from './stranglerFig';
import { chattyServices } from './chattyServices';

/** Every lesson, in the order the browser lists them. */
export const LESSONS: readonly Lesson[] = [synchronousChain, retryStorm, metastableFailure, circuitBreaker, backoffJitter, bulkhead, timeouts, queueSpike, saga, gatewayAggregation, sharedDatabase, healthChecks, cacheStampede, loadShedding, stranglerFig, chattyServices];
