/** The typographic layer of the APA sentences (kernel/contract/format.ts, issue #18 S9). */
import assert from 'node:assert/strict';
import { formatBoundedCi, formatCell, formatVariableLabel, isBoundedColumn, MINUS, typesetSentence } from '../../../kernel/contract/format.js';

describe('kernel/contract/format typography', () => {
  it('gives negative numbers the minus sign, and leaves hyphens in words and "A - B" alone', () => {
    assert.equal(typesetSentence('t(9) = -4.06, d = -1.28, 95% CI [-2.12, -0.41]'), `t(9) = ${MINUS}4.06, d = ${MINUS}1.28, 95% CI [${MINUS}2.12, ${MINUS}0.41]`);
    assert.equal(typesetSentence('r = -.24, (-∞, 1.20]'), `r = ${MINUS}.24, (${MINUS}∞, 1.20]`);
    assert.equal(typesetSentence("Games-Howell: C - B = 3, Welch's t, x-1, 2020-01-05"), "Games-Howell: C - B = 3, Welch's t, x-1, 2020-01-05");
  });

  it('never ends a sentence in four dots', () => {
    assert.equal(typesetSentence('pairs: a, b, ....'), 'pairs: a, b, ...');
  });

  it('writes column names as readable labels, deterministically', () => {
    assert.equal(formatVariableLabel('flipper_length_mm'), 'flipper length (mm)');
    assert.equal(formatVariableLabel('body_mass_g'), 'body mass (g)');
    assert.equal(formatVariableLabel('Sepal.Length'), 'sepal length');
    assert.equal(formatVariableLabel('len'), 'len');
    assert.equal(formatVariableLabel('ID'), 'ID');
    assert.equal(formatVariableLabel('Weight [kg]'), 'weight (kg)');
  });

  it('bounded statistics: intervals and table columns labelled by their symbol drop the leading zero', () => {
    assert.equal(formatBoundedCi(0.95, -0.33, 0.13), '95% CI [-.33, .13]');
    assert.ok(isBoundedColumn('estimate', 'r') && isBoundedColumn('ciLow', 'r_s 95% CI lower') && isBoundedColumn('x', 'η² 95% CI upper'));
    assert.ok(!isBoundedColumn('estimate', 'Estimate') && !isBoundedColumn('diff', 'Difference'));
    assert.equal(formatCell('estimate', -0.2354, 'r'), '-.235');
    assert.equal(formatCell('estimate', -0.2354, 'Estimate'), '-0.235');
  });
});
