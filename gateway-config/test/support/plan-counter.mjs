// Preloaded into a router under test (NODE_OPTIONS=--import): prints `query plans made: N` on the
// router's output each time Hive's Rust query planner makes a plan, so a test can see when a request
// was answered from the planner's cache.
import { createRequire } from 'node:module';

const fromRuntime = createRequire(createRequire(import.meta.url).resolve('@graphql-hive/router-runtime'));
const { QueryPlanner } = fromRuntime('@graphql-hive/router-query-planner');
const planAsync = QueryPlanner.prototype.planAsync;
let plans = 0;
QueryPlanner.prototype.planAsync = function countedPlanAsync(...args) {
  plans += 1;
  process.stderr.write(`query plans made: ${plans}\n`);
  return planAsync.apply(this, args);
};
