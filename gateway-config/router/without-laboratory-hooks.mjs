// Module resolution hook of main.mjs: `@graphql-hive/render-laboratory` resolves to the
// project's stub; every other specifier resolves as Node would.
const STUB = new URL('./laboratory-stub.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@graphql-hive/render-laboratory') {
    return { url: STUB, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
