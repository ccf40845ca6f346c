// Lets queued messages (pause, stop) run between training steps. A MessageChannel round trip is
// a macrotask like setTimeout(0) but is not clamped to 4 ms when nested, which would cost small
// models a large share of their step time.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
