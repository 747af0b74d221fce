// The operator page: fetches /ops/data every two seconds and renders its tables. No framework, no
// CDN: everything the page needs is served by the router from this folder.
const REFRESH_MS = 2000;
const fmt = (value, digits = 1) => (value == null ? '–' : Number(value).toFixed(digits));
const pct = (value) => (value == null ? '–' : `${(100 * value).toFixed(1)} %`);

function table(id, columns, rows) {
  const target = document.querySelector(`#${id} .body`);
  if (!rows.length) {
    target.innerHTML = '<p class="empty">nothing in this window</p>';
    return;
  }
  const head = columns.map(([title]) => `<th>${title}</th>`).join('');
  const body = rows.map((row, index) => `<tr data-rank="${index + 1}">${columns.map(([, cell, numeric]) =>
    `<td${numeric ? ' class="num"' : ''}>${cell(row)}</td>`).join('')}</tr>`).join('');
  target.innerHTML = `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const text = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function render(data) {
  // The counters cover the seconds since the router's oldest scrape of the last minute; the first view
  // has none to compare with and shows everything since the processes started.
  const span = data.windowSeconds == null ? 'since the processes started' : `the last ${data.windowSeconds} s`;
  document.getElementById('updated').textContent = `updated ${new Date(data.at).toLocaleTimeString()}, counting ${span}`;
  table('health', [['subgraph', (r) => text(r.subgraph)],
    ['readiness', (r) => (r.up ? '<span class="up">UP</span>'
      : `<span class="down">DOWN</span>${r.notReady.length ? ` (${text(r.notReady.join(', '))})` : ''}`)],
    ['fetches', (r) => fmt(r.fetches, 0), true], ['failed', (r) => fmt(r.failedFetches, 0), true],
    ['fetch p95 ms', (r) => fmt(r.fetchP95Ms), true]], data.health);
  table('hot', [['operation', (r) => `<code class="operation">${text(r.operation)}</code>`],
    ['requests', (r) => fmt(r.requests, 0), true], ['total s', (r) => fmt(r.totalSeconds, 2), true],
    ['mean ms', (r) => fmt(r.meanMs), true], ['subgraphs', (r) => text(r.subgraphs.join(', '))]], data.hotOperations);
  table('slow', [['operation', (r) => `<code class="operation">${text(r.operation)}</code>`],
    ['p95 ms', (r) => fmt(r.p95Ms), true], ['p99 ms', (r) => fmt(r.p99Ms), true],
    ['recent slow trace', (r) => `<code>${text(r.recentTraceId ?? '–')}</code>`]], data.slowOperations);
  table('fields', [['field', (r) => `<code>${text(r.field)}</code>`], ['subgraph', (r) => text(r.subgraph)],
    ['calls', (r) => fmt(r.calls, 0), true], ['total s', (r) => fmt(r.totalSeconds, 3), true],
    ['mean ms', (r) => fmt(r.meanMs, 2), true]], data.hotFields);
  table('errors', [['code', (r) => `<code>${text(r.code)}</code>`], ['where', (r) => text(r.where)],
    ['count', (r) => fmt(r.count, 0), true]], data.errors);
  table('sql', [['operation', (r) => `<code>${text(r.operation)}</code>`], ['subgraph', (r) => text(r.subgraph)],
    ['statements / request', (r) => fmt(r.statementsPerRequest, 2), true], ['requests', (r) => fmt(r.requests, 0), true]],
  data.sqlPerOperation);
  table('caches', [['cache', (r) => `<code>${text(r.cache)}</code>`], ['where', (r) => text(r.subgraph)],
    ['hit rate', (r) => pct(r.hitRate), true], ['hits', (r) => fmt(r.hits, 0), true]], data.caches);
  table('pools', [['subgraph', (r) => text(r.subgraph)], ['active / max', (r) => `${fmt(r.active, 0)} / ${fmt(r.max, 0)}`, true],
    ['pending', (r) => fmt(r.pending, 0), true], ['saturation', (r) => pct(r.saturation), true]], data.pools);
}

async function refresh() {
  try {
    const response = await fetch('/ops/data', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (response.ok) {
      render(await response.json());
    } else {
      document.getElementById('updated').textContent = `refused: HTTP ${response.status}`;
    }
  } catch (error) {
    document.getElementById('updated').textContent = `unreachable: ${error.message}`;
  }
  setTimeout(refresh, REFRESH_MS);
}

refresh();
