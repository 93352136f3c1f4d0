// The words a chart prints (titles, axes, legends, colour scales), as ids with their facts: each chart
// constructor takes the log's language and says its words through ChartWords, so a French session's
// notebook, HTML report and terminal show French charts. Data labels (feature names, class names, run
// ids) are the data's own and stay as they are. Tables: ChartWord+English.swift and +French.swift.

import Languages

/// A word or phrase of a chart.
enum ChartWord: Message {
    case shareOfActual
    case rowCount
    case confusionMatrix
    case predicted
    case actual
    case chance
    case rocCurve
    case falsePositiveRate
    case truePositiveRate
    case chancePrevalence(String)
    case precisionRecallCurve
    case recall
    case precision
    case perfectlyCalibrated
    case calibrationCurve
    case meanPredictedProbability
    case fractionOfPositives
    case sample(rows: Int, of: Int)
    case residualsAgainstPredictions
    case predictedTarget(String)
    case residual
    case stdOverRepeats
    case featureImportance
    case feature
    case featureValue
    case low
    case high
    case shapSummary
    case shapValue(output: String)
    case individualRows
    case partialDependence
    case partialDependenceOn(String)
    case learningCurve
    case trainingRows
    case train
    case reference(String)
    case comparisonOfRuns(String)
    case confidenceInterval
    case stdOverFolds
}
