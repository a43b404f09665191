import type { Scenario } from '../model';
import type { RunResult } from '../model';
import { Simulation } from '../sim';
import type { ProgressUpdate, RunSettings, RunSpeed, SimWorkerApi } from './protocol';

/** Lets the event loop breathe (so pause/speed messages get in) without timer clamping. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drives a Simulation in batches: as fast as possible, or paced to simulated time (play). The
 * engine never sees a clock or a timer; batching keeps per-event cost at the engine's own.
 */
export function createRunner(now: () => number = () => performance.now()): SimWorkerApi {
  let paused = false;
  let speed: RunSpeed = 'max';
  let wake: (() => void) | null = null;
  return {
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      wake?.();
    },
    setSpeed: (next) => {
      speed = next;
    },
    async run(scenario: Scenario, settings: RunSettings, onProgress: (update: ProgressUpdate) => void | Promise<void>): Promise<RunResult> {
      speed = settings.speed;
      paused = false;
      const sim = new Simulation(scenario, settings.maxWallMs !== undefined ? { maxWallMs: settings.maxWallMs } : {});
      let lastSent = now();
      // Play mode: simulated ms that should have elapsed by now.
      let playClock = 0;
      let lastTick = now();
      // Awaited: through comlink the callback is a message on its own port, so without the ack
      // the final samples could arrive after the result (and be dropped by the page).
      const send = async () => {
        await onProgress({ progress: sim.progress(), samples: sim.takeSamples(), notable: sim.takeNotable() });
        lastSent = now();
      };
      for (;;) {
        if (paused) {
          await send();
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
          lastTick = now();
        }
        let done: boolean;
        if (speed === 'max') {
          done = sim.advance(settings.batchEvents);
        } else {
          const t = now();
          playClock = Math.max(playClock, sim.progress().simulatedMs) + (t - lastTick) * speed;
          lastTick = t;
          done = false;
          // Small steps so simulated time does not overshoot the clock by much.
          while (!done && sim.progress().simulatedMs < playClock) done = sim.advance(200);
          if (!done) await sleep(16);
        }
        if (done) break;
        if (now() - lastSent >= settings.progressEveryMs) await send();
        await yieldToMessages();
      }
      await send();
      // Samples and notable events have all been streamed: the final message carries only the
      // totals, so the page does not deserialise the whole run a second time.
      return { ...sim.result(), samples: [], notable: [] };
    },
  };
}
