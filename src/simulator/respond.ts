/**
 * Writing responses with the configured timing: whole bodies after the latency, streams paced
 * over it, and the wire faults that only a socket can show (no headers, a cut, a broken body).
 * Every timer is registered so that close() can end at once.
 */
import type { ServerResponse } from 'node:http';
import { SSE_TYPE, type WireResponse } from './protocols/protocol.js';

export interface TimerRegistry {
  /** setTimeout that is cleared when the response closes or the simulator stops. */
  schedule(response: ServerResponse, delayMs: number, run: () => void): void;
  clearAll(): void;
}

export function createTimerRegistry(): TimerRegistry {
  const timers = new Set<NodeJS.Timeout>();
  // One 'close' listener per response, however many frames a stream schedules on it.
  const byResponse = new WeakMap<ServerResponse, Set<NodeJS.Timeout>>();
  return {
    schedule(response, delayMs, run) {
      if (delayMs <= 0) {
        run();
        return;
      }
      let own = byResponse.get(response);
      if (!own) {
        const created = new Set<NodeJS.Timeout>();
        own = created;
        byResponse.set(response, created);
        response.once('close', () => {
          for (const pending of created) {
            clearTimeout(pending);
            timers.delete(pending);
          }
          created.clear();
        });
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        own.delete(timer);
        if (!response.destroyed) run();
      }, delayMs);
      timers.add(timer);
      own.add(timer);
    },
    clearAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export function writeWhole(response: ServerResponse, wire: WireResponse): void {
  if (response.destroyed) return;
  const body = Buffer.from(wire.body);
  response.writeHead(wire.status, { ...wire.headers, 'content-length': String(body.length) });
  response.end(body);
}

/** Headers promise the whole body, then the connection drops half-way, as a crashed upstream does. */
export function writeCutBody(response: ServerResponse, wire: WireResponse): void {
  if (response.destroyed) return;
  const body = Buffer.from(wire.body);
  response.writeHead(wire.status, { ...wire.headers, 'content-length': String(body.length) });
  response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.destroy());
}

export interface StreamPlan {
  frames: string[];
  headers: Record<string, string>;
  /** Delay before the headers and the first frame. */
  firstMs: number;
  /** Delay from the first frame to the last. */
  spreadMs: number;
  /** Index at which the stream stops: cut (socket destroyed) or ended after `tailFrame`. */
  stopAt?: number;
  tailFrame?: string;
  cut?: boolean;
}

export function writeStream(response: ServerResponse, plan: StreamPlan, timers: TimerRegistry): void {
  const frames = plan.stopAt === undefined ? plan.frames : plan.frames.slice(0, plan.stopAt);
  const finish = (): void => {
    if (plan.cut) response.destroy();
    else response.end(plan.tailFrame ?? '');
  };
  const start = (): void => {
    response.writeHead(200, { ...plan.headers, 'content-type': SSE_TYPE, 'cache-control': 'no-cache' });
    if (plan.spreadMs <= 0 || frames.length <= 1) {
      // At zero latency one write is cheapest; a cut still needs the bytes flushed first.
      if (plan.cut) response.write(frames.join(''), () => response.destroy());
      else response.end(frames.join('') + (plan.tailFrame ?? ''));
      return;
    }
    response.flushHeaders();
    const gap = plan.spreadMs / (frames.length - 1);
    let index = 0;
    const writeNext = (): void => {
      response.write(frames[index]!);
      index++;
      if (index >= frames.length) {
        if (plan.cut) response.write('', () => response.destroy());
        else finish();
        return;
      }
      timers.schedule(response, gap, writeNext);
    };
    writeNext();
  };
  timers.schedule(response, plan.firstMs, start);
}
