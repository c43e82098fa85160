// Test-only exports live in the test addon (build/Release/boardcti_test.node,
// native/napi/test), never in the production addon src/ loads.
import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { testAddon } from '../helpers/test-addon.ts';

const TEST_ONLY = ['mediaRecordSim', 'mediaPlayerRender', 'mediaConferenceMix', 'mediaBridgeMix', 'lineStateTable'];

describe('the production addon and the test addon', () => {
  it('the production addon exports none of the test drivers', () => {
    for (const name of TEST_ONLY) expect(Object.keys(addon)).not.toContain(name);
  });

  it('the test addon is the production addon plus exactly the test drivers', () => {
    const extra = Object.keys(testAddon).filter((k) => !Object.keys(addon).includes(k));
    expect(extra.sort()).toEqual([...TEST_ONLY].sort());
    expect(Object.keys(addon).every((k) => k in testAddon)).toBe(true);
  });
});
