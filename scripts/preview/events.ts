/**
 * Server-Sent Events to the preview's open pages: `reload` once a saved change is ready to see,
 * `problems` when the checker's list changed and nothing else did (the page lists them again).
 */
import type { ServerResponse } from 'node:http';

export type PreviewEvent = 'reload' | 'problems';

export interface PreviewEvents {
  /** Keeps `res` open as an event stream until the browser goes away. */
  listen(res: ServerResponse): void;
  send(event: PreviewEvent, data: unknown): void;
  /** Ends every stream (the preview is stopping). */
  close(): void;
}

export function previewEvents(): PreviewEvents {
  const listeners = new Set<ServerResponse>();
  // A comment now and then keeps a stream open through anything that closes quiet connections.
  const beat = setInterval(() => {
    for (const res of listeners) res.write(': still here\n\n');
  }, 20_000);
  beat.unref();
  return {
    listen(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // The browser tries again a second after losing the preview (it restarted, say).
      res.write('retry: 1000\n\n');
      listeners.add(res);
      res.on('close', () => listeners.delete(res));
    },
    send(event, data) {
      const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of listeners) res.write(message);
    },
    close() {
      clearInterval(beat);
      for (const res of listeners) res.end();
      listeners.clear();
    },
  };
}
