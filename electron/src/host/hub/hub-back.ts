import type { HostEventBus } from '../host-events';

/**
 * Calls `run` each time the hub comes back: on the status that turns online after one that was
 * not (the first online status counts). Not on every status while online: a status changes with
 * every error a request meets, and work that itself asks the hub would then ask again at each
 * answer (a coupon block read on every push refused made 700 requests in 2 s, and the hub's rate
 * limit then refused the till everything).
 */
export function onHubBack(events: HostEventBus, run: () => void): () => void {
  let online = false;
  return events.on('hub.status', (status) => {
    const back = status.online && !online;
    online = status.online;
    if (back) run();
  });
}
