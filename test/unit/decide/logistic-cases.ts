/**
 * Decision-suite cases of logistic regression (rules/logistic.json), appended to the suite's SUITE
 * when imported (suite.test.ts imports this file). A two-level outcome asked to be predicted or
 * modelled is a logistic regression, not a silent linear model of 0/1; a named linear model stays
 * ols; comparisons between groups stay group comparisons.
 */
import { SUITE, type SuiteCase } from './suite-cases.js';

const c = (dataset: string, prompt: string, expect: SuiteCase['expect']): SuiteCase => ({ dataset, prompt, expect });

/** The requests and the decisions a statistician expects. */
export const LOGISTIC_CASES: SuiteCase[] = [
  // Named.
  c('mtcars', 'logistic regression of am on wt', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt'] } }),
  c('mtcars', 'logistic regression model of am on wt and hp', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt', 'hp'] } }),
  c('infert', 'logistic regression of case on spontaneous and induced', { analysis: 'logistic', roles: { outcome: 'case', predictors: ['spontaneous', 'induced'] } }),
  c('Titanic', 'fit a logistic regression model predicting Survived from Class and Sex', { analysis: 'logistic', roles: { outcome: 'Survived', predictors: ['Class', 'Sex'] } }),
  // A two-level outcome predicted, modelled or asked about as odds or probability.
  c('mtcars', 'does wt predict the probability of am', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt'] } }),
  c('mtcars', 'odds of am by wt', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt'] } }),
  c('mtcars', 'what predicts whether a car is manual from wt and hp', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt', 'hp'] } }),
  c('mtcars', 'am ~ wt + hp', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt', 'hp'] } }),
  c('Titanic', 'odds of survival by sex and class', { analysis: 'logistic', roles: { outcome: 'Survived', predictors: ['Sex', 'Class'] } }),
  c('mtcars', 'how likely is am given wt and hp', { analysis: 'logistic', roles: { outcome: 'am', predictors: ['wt', 'hp'] } }),
  // Without the predictors, the engine asks which (logistic choices), it does not guess.
  c('mtcars', 'what predicts whether a car is manual', 'ambiguous'),
  // A linear model named by the user stays ols (which then warns about the 0/1 outcome).
  c('mtcars', 'linear regression of am on wt', { analysis: 'ols', roles: { outcome: 'am', predictors: ['wt'] } }),
  // A numeric outcome with a binary predictor stays ols.
  c('mtcars', 'predict mpg from wt and am', { analysis: 'ols', roles: { outcome: 'mpg', predictors: ['wt', 'am'] } }),
  c('mtcars', 'regression of mpg on wt', { analysis: 'ols', roles: { outcome: 'mpg', predictors: ['wt'] } }),
  // A comparison of a yes/no outcome between groups is still a test of proportions.
  c('Titanic', 'test of two proportions: survival by sex', { analysis: 'prop_test', roles: { outcome: 'Survived', group: 'Sex' } }),
];

SUITE.push(...LOGISTIC_CASES);
