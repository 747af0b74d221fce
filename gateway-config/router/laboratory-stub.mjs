// Stands in for `@graphql-hive/render-laboratory` (see main.mjs): the router never
// serves Hive's Laboratory (production serves no page, dev serves GraphiQL), so its 21 MB bundle is
// not loaded. Hive Gateway's command line imports `renderLaboratory` as its default page renderer.
export function renderLaboratory() {
  return '<!doctype html><title>Not served</title><p>This router serves no Laboratory.</p>';
}
