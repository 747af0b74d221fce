// The benchmark's results as a Markdown table (the JSON beside it has every number).
export function markdownReport(results) {
  if (results.rssSamples) {
    return soakReport(results);
  }
  const processes = ['router', 'users', 'orders', 'catalog', 'postgres'];
  const lines = [
    `# Benchmark ${results.date} (commit ${results.commit})`,
    '',
    `${results.machine.cpus} CPUs, ${results.machine.java}, Node ${results.machine.node}. Production router and`
      + ' subgraphs, open-model load at half the saturating rate of each scenario.',
    '',
    '| operation | saturating rps | measured rps | p50 ms | p95 ms | p99 ms | CPU ms/request router / users / orders / catalog / PostgreSQL | SQL/request users / orders / catalog | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
    ...results.operations.map((op) => `| ${op.name} | ${op.saturatingRps} | ${op.rps} | ${op.p50} | ${op.p95} | ${op.p99} | `
      + `${processes.map((name) => op.cpuMsPerRequest[name]?.toFixed(2)).join(' / ')} | `
      + `${['users', 'orders', 'catalog'].map((name) => op.sqlPerRequest[name]).join(' / ')} | `
      + `${Object.values(op.failures).reduce((a, b) => a + b, 0) + op.dropped} |`),
    '',
    '`_entities` × 100 Products, catalog subgraph vs raw JDBC + Jackson, interleaved rounds:',
    '',
    '| round | catalog CPU ms/request | raw CPU ms/request | catalog saturating rps | raw saturating rps |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.entities.rounds.map((row, i) => `| ${i + 1} | ${row.catalog.cpuMsPerRequest} | ${row.raw.cpuMsPerRequest} | `
      + `${Math.round(row.catalog.saturatingRps)} | ${Math.round(row.raw.saturatingRps)} |`),
    '',
    `Median: the subgraph runs at **${results.entities.cpuRatio}×** the raw baseline's CPU efficiency`
      + ` (${results.entities.catalogCpuMs} vs ${results.entities.rawCpuMs} ms) and`
      + ` ${results.entities.saturationRatio}× its saturating rate.`,
    '',
    `RSS after the run (MiB): ${Object.entries(results.rssMiB).map(([name, mib]) => `${name} ${mib}`).join(', ')}.`,
    '',
  ];
  return lines.join('\n');
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
