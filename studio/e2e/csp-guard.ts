// Setup file of the e2e project: a test fails when any of its pages (or their workers) reported a
// Content-Security-Policy violation (collected by harness.ts), so the studio is tested under the
// policy the runtime serves it with.
import { afterEach } from 'vitest';
import { takeCspViolations } from './harness.ts';

afterEach(() => {
  const violations = takeCspViolations();
  if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
});
