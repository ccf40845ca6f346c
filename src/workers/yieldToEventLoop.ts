// Lets queued messages (pause, stop) run between training steps. A MessageChannel round trip is
// a macrotask like setTimeout(0) but is not clamped to 4 ms when nested, which would cost small
// models a large share of their step time.

/** The part of MessageChannel used here, typed so that both the worker's and Node's fit. */
interface Channel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: null): void };
}

const channel = new MessageChannel() as unknown as Channel;
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
