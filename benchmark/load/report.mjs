// The benchmark's results as a Markdown table (the JSON beside it has every number).
export function markdownReport(results) {
  if (results.rssSamples) {
    return soakReport(results);
  }
  if (!results.operations) {
    return [`# \`_entities\` comparison ${results.date} (commit ${results.commit})`, '',
      `${results.machine.cpus} CPUs, ${results.machine.java}, Node ${results.machine.node}.`, '', ...entitiesReport(results.entities)].join('\n');
  }
  const processes = ['router', 'users', 'orders', 'catalog', 'postgres'];
  const lines = [
    `# Benchmark ${results.date} (commit ${results.commit})`,
    '',
    `${results.machine.cpus} CPUs, ${results.machine.java}, Node ${results.machine.node}. Production router and`
      + ' subgraphs, open-model load at half the saturating rate of each scenario.',
    '',
    ...warmUpReport(results.warmUp),
    '| operation | saturating rps | measured rps | p50 ms | p95 ms | p99 ms | CPU ms/request router / users / orders / catalog / PostgreSQL | SQL/request users / orders / catalog | longest GC pause ms users / orders / catalog (full collections) | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |',
    ...results.operations.map((op) => `| ${op.name} | ${op.saturatingRps} | ${op.rps} | ${op.p50} | ${op.p95} | ${op.p99} | `
      + `${processes.map((name) => op.cpuMsPerRequest[name]?.toFixed(2)).join(' / ')} | `
      + `${['users', 'orders', 'catalog'].map((name) => op.sqlPerRequest[name]).join(' / ')} | `
      + `${gcPausesCell(op.gcPauses)} | ${Object.values(op.failures).reduce((a, b) => a + b, 0) + op.dropped} |`),
    '',
    ...entitiesReport(results.entities),
    `RSS after the run (MiB): ${Object.entries(results.rssMiB).map(([name, mib]) => `${name} ${mib}`).join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}

/** Each subgraph's longest collection pause in the measured window, with its count of full collections. */
function gcPausesCell(gcPauses) {
  if (!gcPauses) {
    return '–';
  }
  return ['users', 'orders', 'catalog'].map((name) => gcPauses[name])
    .map((pauses) => (pauses ? `${pauses.maxMs.toFixed(1)}${pauses.full ? ` (${pauses.full})` : ''}` : '–')).join(' / ');
}

/** How long the JVMs were warmed before the first measurement, and whether their compilers had settled. */
function warmUpReport(warmUp) {
  if (!warmUp) {
    return [];
  }
  const shares = Object.entries(warmUp.lastTurn).map(([name, share]) => `${name} ${(100 * share).toFixed(1)} %`).join(', ');
  return [`Warmed for ${warmUp.seconds} s (${warmUp.requests} requests, every scenario in turn) `
    + `${warmUp.settled ? 'until' : 'without reaching the point where'} every subgraph's JIT compilers used less than `
    + `${100 * warmUp.settledShare} % of a core; in the last turn: ${shares}.`, ''];
}

function entitiesReport(entities) {
  const sides = ['catalog', 'raw', 'node'];
  return [
    '`_entities` × 100 Products: the catalog subgraph (read cache off), raw JDBC + Jackson, and the Node peer'
      + ' (`@apollo/subgraph` + `pg`), interleaved rounds at the catalog\'s half-saturating rate:',
    '',
    '| round | rate | CPU ms/request catalog / raw / node | saturating rps at 8 clients catalog / raw / node |',
    '| --- | ---: | --- | --- |',
    ...entities.rounds.map((row, i) => `| ${i + 1} | ${row.catalog.rate} | ${sides.map((side) => row[side].cpuMsPerRequest).join(' / ')} | `
      + `${sides.map((side) => Math.round(row[side].saturatingRps)).join(' / ')} |`),
    '',
    `Median: the subgraph runs at **${entities.cpuRatio}×** the raw baseline's CPU efficiency`
      + ` (${entities.catalogCpuMs} vs ${entities.rawCpuMs} ms) and ${entities.saturationRatio}× its saturating rate;`
      + ` the Node peer costs **${entities.nodeCpuRatio}×** the subgraph's CPU per request (${entities.nodeCpuMs} ms).`,
    '',
    'Closed loops at each number of clients (medians over the rounds; CPU of the serving process only):',
    '',
    '| clients | rps catalog / raw / node | catalog ÷ node | CPU ms/request catalog / raw / node | failed |',
    '| ---: | --- | ---: | --- | ---: |',
    ...entities.byConcurrency.map((row) => `| ${row.concurrency} | ${sides.map((side) => row[side].rps).join(' / ')} | `
      + `${row.catalogOverNode} | ${sides.map((side) => row[side].cpuMsPerRequest).join(' / ')} | `
      + `${sides.reduce((sum, side) => sum + row[side].failed, 0)} |`),
    '',
  ];
}

function soakReport(results) {
  const names = Object.keys(results.rssSamples[0]).filter((key) => key !== 'atSeconds');
  const column = (name) => results.rssSamples.map((sample) => sample[name]);
  return [
    `# Soak ${results.date} (commit ${results.commit})`,
    '',
    `The mix through the production router at ${results.rate} rps (it saturated at ${results.saturatingRps} rps) for`
      + ` ${results.soakMinutes} minutes: ${results.requests} requests, p50 ${results.p50} ms, p99 ${results.p99} ms,`
      + ` ${Object.values(results.failures).reduce((a, b) => a + b, 0) + results.dropped} failed.`,
    '',
    '| process | RSS at start MiB | max MiB | at end MiB | CPU ms/request |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...names.map((name) => `| ${name} | ${column(name)[0]} | ${Math.max(...column(name))} | ${column(name).at(-1)} | `
      + `${results.cpuMsPerRequest[name]?.toFixed(2) ?? '–'} |`),
    '',
  ].join('\n');
}
