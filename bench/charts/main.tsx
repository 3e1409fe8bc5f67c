/**
 * Chart bench page. Exposes `window.bench` with `prepare(n)` (builds the data in each library's own input format,
 * untimed: columns for uPlot, row objects for recharts, typed arrays of bucket starts, centres and values for ours) and `mount(lib)`, timed inside the page from the call to the first paint after the chart is drawn.
 * @module
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../../src/theme/styles.css';
import '../../src/theme/components/trend-charts.css';
import { OursChart } from './OursChart';

const WIDTH = 1000;
const HEIGHT = 300;
const HOUR = 3_600_000;

/** One of the compared charts. */
type Lib = 'ours' | 'uplot' | 'recharts';

interface Data {
  starts: Float64Array;
  centres: Float64Array;
  values: Float64Array;
  uplot: [number[], number[]];
  rows: { x: number; y: number }[];
}

let data: Data | undefined;

/** A deterministic random walk with a daily cycle: `n` hourly points. */
function series(n: number): { starts: Float64Array; values: Float64Array } {
  let a = 12345;
  const rand = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 4294967296;
  };
  const starts = new Float64Array(n);
  const values = new Float64Array(n);
  let level = 50;
  const t0 = Date.UTC(2015, 0, 5);
  for (let i = 0; i < n; i++) {
    level = Math.max(0, level + (rand() - 0.5) * 4);
    starts[i] = t0 + i * HOUR;
    values[i] = Math.round(level * (1 + 0.4 * Math.sin((2 * Math.PI * (i % 24)) / 24)) + rand() * 10);
  }
  return { starts, values };
}

/** Resolves after the next frame has been painted. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once `ready()` is true, checked after every DOM change. */
function when(ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const root = () => document.getElementById('root') as HTMLElement;

/** Path data length of the drawn line (a sanity check that something was drawn). */
function drawnPath(selector: string): number {
  return document.querySelector(selector)?.getAttribute('d')?.length ?? 0;
}

const bench = {
  /**
   * Builds `n` points and each library's input from them. With `warmIntl`, first formats a date and a number with
   * `Intl` options userscope does not use, as any page that already shows a date or a number has: ICU data is then
   * loaded, but userscope still builds its own formatters inside the timed mount.
   */
  prepare(n: number, warmIntl: boolean) {
    if (warmIntl) {
      new Intl.DateTimeFormat('en-US', { weekday: 'long' }).format(0);
      new Intl.NumberFormat('en-US', { style: 'unit', unit: 'meter' }).format(1);
    }
    const { starts, values } = series(n);
    data = {
      starts,
      centres: starts.map((t) => t + HOUR / 2),
      values,
      uplot: [Array.from(starts, (t) => t / 1000), Array.from(values)],
      rows: Array.from(starts, (t, i) => ({ x: t, y: values[i] as number })),
    };
    return { n };
  },
  /** Draws the chart with `lib` and resolves with ms from the call to the first paint of the drawn chart. */
  async mount(lib: Lib) {
    if (!data) throw new Error('prepare() first');
    const d = data;
    const started = performance.now();
    let drawn = 0;
    if (lib === 'uplot') {
      await new Promise<void>((resolve) => {
        new uPlot(
          {
            width: WIDTH,
            height: HEIGHT,
            legend: { show: false },
            series: [{}, { stroke: '#0969da', width: 2 }],
            hooks: { draw: [() => resolve()] },
          },
          d.uplot,
          root(),
        );
      });
      drawn = d.values.length;
    } else {
      const reactRoot = createRoot(root());
      flushSync(() =>
        reactRoot.render(
          lib === 'ours' ? (
            <OursChart starts={d.starts} centres={d.centres} values={d.values} width={WIDTH} height={HEIGHT} />
          ) : (
            <LineChart width={WIDTH} height={HEIGHT} data={d.rows}>
              <CartesianGrid strokeDasharray="2 3" />
              <XAxis dataKey="x" type="number" scale="time" domain={['dataMin', 'dataMax']} />
              <YAxis />
              <Line dataKey="y" dot={false} isAnimationActive={false} stroke="#0969da" strokeWidth={2} />
            </LineChart>
          ),
        ),
      );
      const selector = lib === 'ours' ? '[data-series="y"] path' : '.recharts-line-curve';
      // flushSync has committed: ours is drawn now; recharts may draw its line in a later pass.
      if (drawnPath(selector) === 0) await when(() => drawnPath(selector) > 0);
      drawn = lib === 'ours' ? Number(document.querySelector('[data-series="y"]')?.getAttribute('data-points')) : d.values.length;
    }
    const scriptMs = performance.now() - started;
    await afterPaint();
    return { ms: performance.now() - started, scriptMs, drawn };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
