import { registerServiceWorker } from '../serviceWorker';

/**
 * Keeps lessons usable without a network (workshop rooms have bad Wi-Fi). The app's service
 * worker now precaches the whole build on every production load (src/app/serviceWorker.ts);
 * opening a lesson still asks for it, in case the page was loaded some other way first.
 */
export function keepAvailableOffline(): void {
  void registerServiceWorker();
}
