// The shared helpers themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentValue } from './support.js';

test('percentValue reads Dutch and English numbers alike', () => {
  assert.equal(percentValue('36,5%', 'nl'), 36.5);
  assert.equal(percentValue('36.5%', 'en'), 36.5);
  assert.equal(percentValue('1.234,5', 'nl'), 1234.5);
  assert.equal(percentValue('1,234.5', 'en'), 1234.5);
  assert.equal(percentValue(' 0% ', 'en'), 0);
  assert.equal(percentValue('\u221212,0%', 'nl'), -12);
  assert.ok(Number.isNaN(percentValue('n/a', 'en')));
});
