// Waiting for the flags provider to see a change of its file.
import assert from 'node:assert/strict';

/** Resolves once `check` holds; a change is seen within one second (polled every 250 ms), so it fails after that. */
export async function eventually(check, what) {
  const deadline = Date.now() + 1000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`not within a second: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
