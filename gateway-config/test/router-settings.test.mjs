// The router's settings from its environment: every numeric variable takes its default when it is
// unset, empty or blank, and refuses at start anything but a plain decimal number in its range, so a
// typo never becomes 0 (no traces, no clock skew) or a hexadecimal limit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PRODUCTION_LIMIT_DEFAULTS, routerSettings, tracingSettings } from '../router/settings.mjs';

// Production needs the signing secret; most cases here are about something else.
const PRODUCTION = { GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: 'test-only-secret-0123456789abcdef' };

const traced = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' };

describe('numeric router settings', () => {
  it('take their default when unset, empty or blank', () => {
    for (const value of [undefined, '', '  ']) {
      const env = { ...PRODUCTION, REQUEST_DEADLINE_MS: value, MAX_DEPTH: value, JWT_CLOCK_SKEW_SECONDS: value };
      const settings = routerSettings(env);
      assert.equal(settings.requestDeadlineMs, 30000);
      assert.equal(settings.limits.maxDepth, PRODUCTION_LIMIT_DEFAULTS.maxDepth);
      assert.equal(settings.jwt.clockSkewSeconds, 30);
      assert.equal(tracingSettings({ ...traced, TRACE_SAMPLING_RATIO: value }, 'production').samplingRatio, 0.1);
      assert.equal(tracingSettings({ ...traced, TRACE_SAMPLING_RATIO: value }, 'dev').samplingRatio, 1);
    }
  });

  it('read plain decimals, with surrounding blanks', () => {
    const settings = routerSettings({ ...PRODUCTION, REQUEST_DEADLINE_MS: ' 5000 ', MAX_DEPTH: '7', JWT_CLOCK_SKEW_SECONDS: '0' });
    assert.equal(settings.requestDeadlineMs, 5000);
    assert.equal(settings.limits.maxDepth, 7);
    assert.equal(settings.jwt.clockSkewSeconds, 0);
    assert.equal(settings.trustedProxyHops, 0, 'no proxy unless told');
    assert.equal(routerSettings({ TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops, 2);
    for (const [value, ratio] of [['0', 0], ['1', 1], ['0.25', 0.25], ['.5', 0.5], ['1.0', 1], [' 0.1 ', 0.1]]) {
      assert.equal(tracingSettings({ ...traced, TRACE_SAMPLING_RATIO: value }).samplingRatio, ratio, value);
    }
  });

  it('refuse anything else, naming the variable', () => {
    for (const value of ['0x10', '1e3', '-5', '5.5', 'ten', '0', '9007199254740993', '1_000']) {
      assert.throws(() => routerSettings({ REQUEST_DEADLINE_MS: value }),
        new RegExp(`REQUEST_DEADLINE_MS must be a positive integer, not '${value}'`), value);
      assert.throws(() => routerSettings({ ...PRODUCTION, MAX_BODY_BYTES: value }),
        /MAX_BODY_BYTES must be a positive integer/, value);
    }
    assert.throws(() => routerSettings({ JWT_CLOCK_SKEW_SECONDS: '-1' }), /JWT_CLOCK_SKEW_SECONDS must be a whole number, not '-1'/);
    assert.throws(() => routerSettings({ TRUSTED_PROXY_HOPS: 'one' }), /TRUSTED_PROXY_HOPS must be a whole number, not 'one'/);
    for (const value of ['1.5', '-0.1', '0x1', '1e-1', 'NaN', 'Infinity', '10%', '.']) {
      assert.throws(() => tracingSettings({ ...traced, TRACE_SAMPLING_RATIO: value }),
        /TRACE_SAMPLING_RATIO must be a decimal number between 0 and 1/, value);
    }
  });
});

describe('the router secret', () => {
  it('is off when unset, empty or blank, and taken as given from 32 characters on', () => {
    for (const value of [undefined, '', '   ']) {
      assert.equal(routerSettings({ ROUTER_HMAC_SECRET: value }).hmacSecret, null);
    }
    const secret = 'f'.repeat(64);
    assert.equal(routerSettings({ ...PRODUCTION, ROUTER_HMAC_SECRET: secret }).hmacSecret, secret);
    assert.equal(routerSettings({ ROUTER_HMAC_SECRET: 'x'.repeat(32) }).hmacSecret, 'x'.repeat(32));
  });

  it('is required in production, where the subgraphs accept only signed requests', () => {
    for (const value of [undefined, '', '  ']) {
      assert.throws(() => routerSettings({ GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: value }),
        /^Error: GATEWAY_MODE=production needs ROUTER_HMAC_SECRET/, String(value));
      assert.equal(routerSettings({ GATEWAY_MODE: 'dev', ROUTER_HMAC_SECRET: value }).hmacSecret, null);
    }
  });

  it('is refused shorter, in every mode, without repeating it', () => {
    for (const mode of ['dev', 'production']) {
      assert.throws(() => routerSettings({ GATEWAY_MODE: mode, ROUTER_HMAC_SECRET: 'change-me-please' }), (error) => {
        assert.match(error.message, /ROUTER_HMAC_SECRET must be at least 32 characters \(e\.g\. openssl rand -hex 32\), not 16/);
        assert.doesNotMatch(error.message, /change-me/);
        return true;
      });
    }
  });
});

describe('URL settings', () => {
  it('take their default when unset, empty or blank, and an absolute URL as given', () => {
    for (const value of [undefined, '', '  ']) {
      const settings = routerSettings({ USERS_URL: value, REDIS_URL: value, JWT_JWKS_URL: value });
      assert.equal(settings.subgraphs.users.url, 'http://localhost:4001/graphql');
      assert.equal(settings.redis.url, null);
      assert.equal(settings.jwt.jwksUrl, null);
      assert.equal(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: value }), null);
    }
    const settings = routerSettings({ USERS_URL: 'https://users.internal:8443/graphql', REDIS_URL: 'rediss://:p@redis:6380/1',
      JWT_JWKS_URL: 'https://issuer.example/.well-known/jwks.json' });
    assert.equal(settings.subgraphs.users.url, 'https://users.internal:8443/graphql');
    assert.equal(settings.redis.url, 'rediss://:p@redis:6380/1');
    assert.equal(settings.jwt.jwksUrl, 'https://issuer.example/.well-known/jwks.json');
    assert.equal(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).endpoint, 'http://collector:4318/v1/traces');
  });

  it('refuse anything but an absolute URL of their kind, naming the variable', () => {
    for (const value of ['users:4001/graphql', 'localhost', '/graphql', 'ftp://users/graphql', 'http://']) {
      assert.throws(() => routerSettings({ USERS_URL: value }),
        new RegExp(`USERS_URL must be an absolute http or https URL with a host, not '${value.replaceAll('/', '\\/')}'`), value);
      assert.throws(() => routerSettings({ JWT_JWKS_URL: value }), /JWT_JWKS_URL must be an absolute http or https URL/, value);
      assert.throws(() => tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: value }),
        /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an absolute http or https URL/, value);
      assert.throws(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: value }),
        /OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http or https URL/, value);
    }
  });

  it('refuse a Redis URL that is not one without repeating it, as it may hold a password', () => {
    for (const value of ['localhost:6379', 'http://redis:6379', 'redis://:secret-pw@']) {
      assert.throws(() => routerSettings({ REDIS_URL: value }), (error) => {
        assert.equal(error.message, 'REDIS_URL must be a redis:// or rediss:// URL with a host');
        return true;
      }, value);
    }
  });
});

describe('CORS origins', () => {
  it('are origins as browsers send them', () => {
    assert.deepEqual(routerSettings({ ...PRODUCTION, CORS_ORIGINS: 'https://app.example.com, http://localhost:3000' }).corsOrigins,
      ['https://app.example.com', 'http://localhost:3000']);
    assert.deepEqual(routerSettings({ ...PRODUCTION, CORS_ORIGINS: ' ' }).corsOrigins, []);
    assert.equal(routerSettings({ CORS_ORIGINS: '' }).corsOrigins, null);
    assert.equal(routerSettings({ CORS_ORIGINS: ' , ' }).corsOrigins, null);
  });

  it('refuse what no browser sends or what every browser would match, naming the entry', () => {
    for (const entry of ['*', 'app.example.com', 'https://app.example.com/', 'https://app.example.com/app', 'HTTPS://App.example.com',
      'https://app.example.com:443', 'ftp://app.example.com', 'null']) {
      assert.throws(() => routerSettings({ CORS_ORIGINS: `https://ok.example.com,${entry}` }),
        (error) => error.message.includes(`CORS_ORIGINS must list origins`) && error.message.endsWith(`not '${entry}'`), entry);
    }
  });
});

describe('several invalid settings', () => {
  it('are all reported at once, each naming its variable', () => {
    const env = { ...PRODUCTION, REQUEST_DEADLINE_MS: '30s', USERS_URL: 'users:4001/graphql',
      ROUTER_HMAC_SECRET: 'short', CORS_ORIGINS: '*', TRACE_SAMPLING_RATIO: '10%', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
      MAX_DEPTH: '0', ROUTER_METRICS: 'some' };
    assert.throws(() => routerSettings(env), (error) => {
      const lines = error.message.split('\n');
      assert.equal(lines[0], '7 router settings are invalid:');
      for (const variable of ['REQUEST_DEADLINE_MS', 'USERS_URL', 'ROUTER_HMAC_SECRET', 'CORS_ORIGINS', 'TRACE_SAMPLING_RATIO',
        'MAX_DEPTH', 'ROUTER_METRICS']) {
        assert.equal(lines.filter((line) => line.trimStart().startsWith(variable)).length, 1, variable);
      }
      assert.ok(!error.message.includes('short'), 'the secret is not repeated');
      return true;
    });
  });

  it('one alone reads as before, and a wrong mode does not hide the settings after it', () => {
    assert.throws(() => routerSettings({ GATEWAY_MODE: 'staging', MAX_BODY_BYTES: '-1' }),
      /^Error: 2 router settings are invalid:\n {2}GATEWAY_MODE must be 'dev' or 'production', not 'staging'\n {2}MAX_BODY_BYTES must be a positive integer/);
    assert.throws(() => routerSettings({ GATEWAY_MODE: 'staging' }), /^Error: GATEWAY_MODE must be 'dev' or 'production', not 'staging'$/);
    assert.equal(routerSettings(PRODUCTION).mode, 'production');
  });
});

