// For `npm run bench:browser`: a Chromium trace of one page load, cut into the page renderer's
// main-thread tasks, so the content script's longest task can be given both as wall time and as
// CPU time (thread time). Under load the wall time of a task includes the time the OS gave the
// core to others; its CPU time does not. The test pages run no script of their own (only a probe
// polling a flag), so a task on their main thread that runs JavaScript is the content script's;
// one that only styles, lays out or paints after the content script started is rendering.
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TaskTime {
  wall: number;
  cpu: number;
}

const JS = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.callFunction', 'TimerFire', 'v8.run']);

/** Starts tracing on `cdp` (a page's session); the returned function stops it and gives the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** The content script's tasks (those running JavaScript) and the rendering tasks after it started,
 *  on the main thread of the renderer that ran `scriptUrl`, each as wall and CPU milliseconds. */
export function contentTasks(events: TraceEvent[], scriptUrl: string): { script: TaskTime[]; render: TaskTime[] } {
  const load = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes(scriptUrl));
  if (!load) return { script: [], render: [] };
  const onThread = events
    .filter((e) => e.pid === load.pid && e.tid === load.tid && e.ph === 'X' && e.ts >= load.ts - 1e5)
    .sort((a, b) => a.ts - b.ts);
  const script: TaskTime[] = [];
  const render: TaskTime[] = [];
  for (const t of onThread) {
    if (t.name !== 'RunTask' || t.ts + (t.dur ?? 0) < load.ts) continue;
    const end = t.ts + (t.dur ?? 0);
    const inner = onThread.filter((e) => e !== t && e.ts >= t.ts && e.ts < end);
    const time = { wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000 };
    if (inner.some((e) => JS.has(e.name))) script.push(time);
    else if (inner.some((e) => /Layout|Paint|UpdateLayoutTree|RecalcStyle/.test(e.name))) render.push(time);
  }
  return { script, render };
}
