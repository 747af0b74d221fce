// The repository stands alone: its README and docs link only inside it (local addresses, examples and
// the Federation spec URLs that schemas carry aside), cite no issue numbers, and every relative link
// reaches a file of the repository.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { gatewayDir } from './support/gateway.mjs';

const root = resolve(gatewayDir, '..');
const SKIP = new Set(['node_modules', 'target', '.git', '.run']);
// A single-label host (`jaeger:4318`) is a service of compose.yaml's network, not a site outside.
const ALLOWED_HOSTS = /^https?:\/\/(localhost|127\.0\.0\.1|[a-z][\w-]*|[\w.-]*example\.(com|org)|specs\.apollo\.dev)([:/]|$)/;

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) {
      return [];
    }
    const path = join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith('.md') ? [path] : [];
  });
}

const docs = markdownFiles(root);

describe('the docs stand alone', () => {
  it('finds the docs', () => {
    assert.ok(docs.some((file) => relative(root, file) === 'README.md'));
    assert.ok(docs.some((file) => relative(root, file).startsWith('docs/')));
  });

  it('link nowhere outside the repository', () => {
    const outside = docs.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s)`'"<>]+/g)]
      .map(([url]) => url).filter((url) => !ALLOWED_HOSTS.test(url)).map((url) => `${relative(root, file)}: ${url}`));
    assert.deepEqual(outside, []);
  });

  it('cite no issue numbers', () => {
    const cited = docs.flatMap((file) => readFileSync(file, 'utf8').split('\n')
      .filter((line) => /\bissues?\s*#?\d+|\(#\d+\)|(^|\s)#\d+\b/i.test(line)).map((line) => `${relative(root, file)}: ${line.trim()}`));
    assert.deepEqual(cited, []);
  });

  it('relative links reach files of the repository', () => {
    const broken = docs.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target.split('#')[0])
      .filter((target) => target && !/^[a-z]+:/.test(target) && !existsSync(resolve(dirname(file), target)))
      .map((target) => `${relative(root, file)} -> ${target}`));
    assert.deepEqual(broken, []);
  });
});
