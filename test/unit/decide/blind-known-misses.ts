/**
 * The requests of the blind set (blind-2026-12.json) the engine missed when the set joined the suite
 * (issue #16), as "id outcome": silent-guess (decided, but not as a statistician would), asked-when-clear,
 * wrong-no-match. Remove a line when its request is answered right; never add one to make a change pass.
 */
export const BLIND_KNOWN_MISSES: string[] = [
  'LifeCycleSavings-03 asked-when-clear', // does income growth predict savings?
  'CO2-09 asked-when-clear', // effect of cold on CO2 uptake
  'infert-08 asked-when-clear', // parity distribution
  'quakes-12 silent-guess', // Does mag follow an exponential distribution?
];

/**
 * The requests of the second blind set (blind-2026-12b.json) the engine missed when it joined the suite,
 * after the second round of #16 work (126/221 right): the kinds still missed are listed in the closing
 * note of that round. Same rule: remove a line when its request is answered right; never add one.
 */
export const BLIND_2026_12B_KNOWN_MISSES: string[] = [
  'birthwt-01 asked-when-clear', // Do babies of mothers who smoked during pregnancy weigh less at birth?
  'birthwt-06 asked-when-clear', // what was the average age of the mothers who smoked?
  'birthwt-08 silent-guess', // does hypertension predict a low birthweight baby when you control for smoking
  'birthwt-11 asked-when-clear', // Is there a significant difference in the mean birth weight between mothers with and withou
  'birthwt-12 asked-when-clear', // correlation between the mother’s weight at her last period and the baby’s weight
  'anorexia-08 asked-when-clear', // Is there a significant difference in mean pre-treatment weight between the treatment group
  'survey-02 asked-when-clear', // do men and women differ in pulse rate?
  'survey-05 asked-when-clear', // are students 50/50 left vs right handed (writing hand)?
  'survey-13 asked-when-clear', // Do the observed frequencies of writing hand conform to independence with the way students 
  'survey-15 silent-guess', // are heavy smokers older?
  'cats-03 asked-when-clear', // do male cats have heavier hearts than females once body weight is accounted for?
  'cats-05 asked-when-clear', // F test comparing the variance of heart weight in male and female cats
  'cats-06 asked-when-clear', // are there more male than female cats in the sample?
  'cats-12 asked-when-clear', // do male and female cats have the same distribution of body weight?
  'Cars93-01 asked-when-clear', // Does price differ between American and foreign cars?
  'Cars93-04 asked-when-clear', // is airbag type associated with origin?
  'Cars93-13 asked-when-clear', // Test whether the mean city fuel economy of front-wheel drive cars differs from that of rea
  'quine-02 silent-guess', // Do Aboriginal children miss more school days than non-Aboriginal children?
  'quine-07 asked-when-clear', // histogram of absences
  'quine-08 asked-when-clear', // compare absence across age groups among the slow learners
  'quine-10 asked-when-clear', // Is there a significant difference in the mean number of days absent between boys and girls
  'Pima.tr-01 asked-when-clear', // logistic regression: diabetes on glucose, bmi and age
  'Pima.tr-05 asked-when-clear', // diabetes pedigree function by diabetes status, nonparametric
  'Pima.tr-06 asked-when-clear', // what proportion of the women are diabetic?
  'Pima.tr-10 asked-when-clear', // Is there a significant difference in mean BMI between women with and without diabetes?
  'Pima.tr-12 asked-when-clear', // among women older than 30, compare glucose between diabetics and non-diabetics
  'painters-11 silent-guess', // are the schools equally represented?
  'Prestige-06 silent-guess', // regression plot of prestige on years of education
  'Prestige-07 asked-when-clear', // compare income between blue-collar and white-collar jobs
  'Prestige-10 silent-guess', // correlation of census and prestige
  'Salaries-01 silent-guess', // Is there a gender pay gap?
  'Salaries-02 asked-when-clear', // salary by sex adjusting for rank, discipline and years of service
  'Salaries-07 asked-when-clear', // does salary differ between disciplines among full professors?
  'Salaries-11 asked-when-clear', // one-tailed test: do female faculty earn less than males?
  'TitanicSurvival-01 asked-when-clear', // Did women survive more often than men?
  'TitanicSurvival-04 asked-when-clear', // survival by sex, stratified by class (was a silent guess that dropped 'class')
  'TitanicSurvival-05 silent-guess', // were the survivors younger?
  'TitanicSurvival-08 silent-guess', // is the survival rate different from 40%?
  'TitanicSurvival-10 silent-guess', // median survival time of passengers
  'TitanicSurvival-14 silent-guess', // sample size per group to detect survival of 20% vs 35% with 80% power
  'Davis-05 asked-when-clear', // do women under-report their weight? paired test, females only
  'Davis-08 silent-guess', // is height normally distributed in the men?
  'Davis-10 silent-guess', // compare the weights
  'Davis-11 asked-when-clear', // equal numbers of men and women?
  'Baumann-01 asked-when-clear', // Do the three teaching methods differ on post.test.1 after controlling for pretest.1?
  'Baumann-12 asked-when-clear', // sample size for 4 groups with f = 0.25 and 90% power
  'Indometh-02 asked-when-clear', // Friedman test of conc across time points blocked by subject
  'Indometh-03 silent-guess', // plot concentration over time
  'Indometh-05 asked-when-clear', // compare conc at 0.25 h and 8 h, paired by subject
  'Indometh-06 asked-when-clear', // mean concentration at each time point
  'Indometh-09 asked-when-clear', // Is there a significant effect of time on plasma indometacin concentration, treating subjec
  'state-01 asked-when-clear', // Does the murder rate go with illiteracy?
  'survey-18 silent-guess', // Test the hypothesis that the mean height of male students equals 175 cm.
  'cats-15 asked-when-clear', // Test at the 5% level whether the variances of heart weight are equal for male and female c
  'quine-14 asked-when-clear', // Do the data provide evidence that the number of days absent depends on age group, without 
  'Pima.tr-16 asked-when-clear', // Construct a model for the probability of diabetes from glucose concentration and BMI.
  'Salaries-17 asked-when-clear', // Fit a multiple linear regression of salary on years since PhD and years of service and tes
  'TitanicSurvival-16 silent-guess', // (chi-square on the 1st and 2nd class rows, kept by where, not levels) Test whether the proportion of survivors is the same in first and second class.
  'state-13 silent-guess', // population density by region
];
