// The Autopilot's plan when there is no target (load_data framed a clustering task): context log →
// k-means on standardised features for k = 2…6, each one an experiment logged with hypothesis /
// approach / result / analysis / next → k chosen by the highest silhouette (the smaller k on a tie) →
// decision. A reference label column named by the user is passed to every fit (adjusted_rand) and
// left out of the features; it never chooses k. Steps carry call ids "apc<n>": step 0 is the context,
// step 1 + 2i trains the i-th k and 2 + 2i logs it, then the decision.
// Leaves out: the load step (AutopilotPlan's, shared) and the supervised plan.

import Foundation
import LLMClient
import Languages

/// One k-means fit of the plan, from train_model's result.
struct ClusterFit {
    var k: Int
    var runID: String
    var silhouette: Double
    var adjustedRand: Double?
}

/// Decides the next call of the clustering plan from the conversation.
struct AutopilotClustering {
    static let prefix = "apc"
    let brief: AutopilotBrief
    let framing: AutopilotFraming
    let history: AutopilotHistory

    init(brief: AutopilotBrief, framing: AutopilotFraming, messages: [ChatMessage]) {
        self.brief = brief
        self.framing = framing
        self.history = AutopilotHistory(messages: messages, prefix: Self.prefix)
    }

    var language: Language { brief.language }
    private func t(_ en: String, _ fr: String) -> String { language.text(en, fr) }

    /// The numbers of clusters tried: 2…6, at most one less than the training rows.
    var ks: [Int] { Array(2...max(2, min(6, framing.trainRows - 1))) }
    var decisionStep: Int { 1 + 2 * ks.count }

    /// Columns left out of every fit: those the profile flagged, and free text (k-means measures distances).
    var drops: [String] {
        (framing.dropList + framing.textColumns).filter { $0 != brief.reference }
    }

    /// The fits done before `step`, in k order.
    func fits(before step: Int) -> [ClusterFit] {
        ks.indices.filter { 1 + 2 * $0 < step }.compactMap { i in
            guard let done = history[1 + 2 * i], done.ok, let id = done.result["run_id"]?.stringValue,
                let s = done.result["metrics"]?["silhouette"]?["mean"]?.doubleValue
            else { return nil }
            return ClusterFit(
                k: ks[i], runID: id, silhouette: s,
                adjustedRand: done.result["metrics"]?["adjusted_rand"]?["mean"]?.doubleValue)
        }
    }

    /// The fit with the highest silhouette (the smaller k on a tie).
    func best(before step: Int) -> ClusterFit? {
        fits(before: step).reduce(nil) { best, f in best.map { f.silhouette > $0.silhouette ? f : $0 } ?? f }
    }

    /// The next call (id, tool, arguments, words), or the closing words (no tool) when the plan is over.
    func next() -> (id: String, name: String?, arguments: JSONValue, text: String) {
        let step = history.lastStep + 1
        let id = AutopilotHistory.callID(step: step, prefix: Self.prefix)
        if step == 0 { return (id, "append_log", contextArguments(), afterLoad()) }
        if step < decisionStep {
            let i = (step - 1) / 2, k = ks[i]
            if step % 2 == 1 { return (id, "train_model", trainArguments(k), beforeTraining(k, step: step)) }
            guard let done = history[step - 1] else { return (id, nil, .null, final()) }
            return (id, "append_log", experimentArguments(k, done, step: step), beforeLog(k, done))
        }
        if step == decisionStep { return (id, "append_log", decisionArguments(), beforeDecision()) }
        return (id, nil, .null, final())
    }

    // MARK: calls

    func trainArguments(_ k: Int) -> JSONValue {
        var args: [String: JSONValue] = [
            "dataset_id": .string(framing.datasetID), "model": "kmeans", "hypothesis": .string(hypothesis(k)),
            "params": ["n_clusters": .int(k), "n_init": 10], "seed": 42,
        ]
        if !drops.isEmpty { args["drop"] = .strings(drops) }
        if let r = brief.reference { args["reference"] = .string(r) }
        return .object(args)
    }

    func contextArguments() -> JSONValue {
        let problem =
            (brief.goal.map { $0 + " — " } ?? "")
            + t(
                "Find natural groups in the rows of \(brief.path); there is no target to predict (clustering).",
                "Trouver des groupes naturels dans les lignes de \(brief.path) ; il n'y a pas de cible à prédire (clustering)."
            )
        let dropped =
            drops.isEmpty
            ? t("no column dropped", "aucune colonne écartée")
            : t("dropped: ", "écartées : ") + drops.joined(separator: ", ")
        var data = t(
            "\(brief.path): \(framing.rows) rows, \(framing.columnCount) columns; k-means fits the \(framing.trainRows) training rows (\(framing.testRows) stay sealed); \(dropped).",
            "\(brief.path) : \(framing.rows) lignes, \(framing.columnCount) colonnes ; k-means s'ajuste sur les \(framing.trainRows) lignes d'entraînement (\(framing.testRows) restent scellées) ; \(dropped)."
        )
        if let r = brief.reference {
            data += t(
                " '\(r)' is a known label, used only as a reference (adjusted_rand), never as a feature.",
                " '\(r)' est une étiquette connue, utilisée seulement comme référence (adjusted_rand), jamais comme variable."
            )
        }
        let metric = t(
            "silhouette (higher is better: tight, well separated clusters), on standardised features; k chosen by the highest silhouette over k = \(ks.map(String.init).joined(separator: ", ")); inertia reported, not used to choose (it always falls as k grows).",
            "silhouette (plus haut est meilleur : groupes compacts et bien séparés), sur variables standardisées ; k choisi par la silhouette la plus haute parmi k = \(ks.map(String.init).joined(separator: ", ")) ; l'inertie est donnée sans servir au choix (elle baisse toujours quand k grandit)."
        )
        return ["kind": "context", "problem": .string(problem), "data": .string(data), "metric": .string(metric)]
    }

    func hypothesis(_ k: Int) -> String {
        k == ks.first
            ? t(
                "The rows form at least two groups: k-means with k=\(k) on standardised features separates them (the simplest clustering, which every larger k must beat on silhouette).",
                "Les lignes forment au moins deux groupes : k-means avec k=\(k) sur variables standardisées les sépare (le clustering le plus simple, que tout k plus grand doit battre en silhouette)."
            )
            : t(
                "k=\(k) groups describe the data better than the best k so far: a higher silhouette means tighter, better separated clusters.",
                "k=\(k) groupes décrivent mieux les données que le meilleur k jusqu'ici : une silhouette plus haute signifie des groupes plus compacts et mieux séparés."
            )
    }

    func experimentArguments(_ k: Int, _ done: AutopilotHistory.Done, step: Int) -> JSONValue {
        let columns =
            drops.isEmpty
            ? t("every column", "toutes les colonnes")
            : t(
                "every column except \(drops.joined(separator: ", "))",
                "toutes les colonnes sauf \(drops.joined(separator: ", "))")
        let reference =
            brief.reference.map {
                t(" ('\($0)' held out as the reference)", " ('\($0)' tenue à l'écart comme référence)")
            } ?? ""
        var args: [String: JSONValue] = [
            "kind": "experiment", "title": .string(t("k-means, k=\(k)", "k-means, k=\(k)")),
            "hypothesis": .string(hypothesis(k)),
            "approach": .string(
                t(
                    "kmeans with n_clusters=\(k), n_init=10, seed 42, on \(columns)\(reference); numeric columns standardised (mean 0, std 1), categories one-hot; fitted and scored on the training rows.",
                    "kmeans avec n_clusters=\(k), n_init=10, graine 42, sur \(columns)\(reference) ; colonnes numériques standardisées (moyenne 0, écart-type 1), catégories en one-hot ; ajusté et évalué sur les lignes d'entraînement."
                )),
            "next": .string(
                k == ks.last
                    ? t(
                        "choose k by the highest silhouette, then decide.",
                        "choisir k par la silhouette la plus haute, puis décider.")
                    : t("k-means with k=\(k + 1).", "k-means avec k=\(k + 1).")),
        ]
        guard done.ok, let runID = done.result["run_id"]?.stringValue else {
            args["analysis"] = .string(
                t(
                    "The fit failed: \(done.error ?? "unknown error"). This k is left out of the choice.",
                    "L'ajustement a échoué : \(done.error ?? "erreur inconnue"). Ce k est écarté du choix."))
            return .object(args)
        }
        args["run_ids"] = .strings([runID])
        var analysis: String
        if let previous = best(before: step - 1), let current = fits(before: step).first(where: { $0.runID == runID }) {
            args["compare_to"] = .string(previous.runID)
            analysis =
                current.silhouette > previous.silhouette
                ? t(
                    "The hypothesis holds: the silhouette is higher than with k=\(previous.k) (\(previous.runID)), the best so far; k=\(k) becomes the candidate.",
                    "L'hypothèse tient : la silhouette est plus haute qu'avec k=\(previous.k) (\(previous.runID)), le meilleur jusqu'ici ; k=\(k) devient le candidat."
                )
                : t(
                    "The hypothesis is rejected: the silhouette is not higher than with k=\(previous.k) (\(previous.runID)); splitting further makes the clusters less separated.",
                    "L'hypothèse est rejetée : la silhouette n'est pas plus haute qu'avec k=\(previous.k) (\(previous.runID)) ; découper davantage rend les groupes moins séparés."
                )
        } else {
            analysis = t(
                "This is the first clustering: the silhouette to beat.",
                "C'est le premier clustering : la silhouette à battre.")
        }
        if let r = brief.reference {
            analysis += t(
                " adjusted_rand shows how closely the clusters follow '\(r)'; it is reported, not used to choose k.",
                " adjusted_rand montre à quel point les groupes suivent '\(r)' ; il est rapporté, pas utilisé pour choisir k."
            )
        }
        args["analysis"] = .string(analysis)
        return .object(args)
    }

    func decisionArguments() -> JSONValue {
        let all = fits(before: decisionStep)
        guard let best = best(before: decisionStep) else {
            return [
                "kind": "decision",
                "title": .string(
                    t("Stop: no clustering could be fitted", "Arrêt : aucun clustering n'a pu être ajusté")),
                "analysis": .string(
                    t(
                        "Every k-means fit failed; see the experiments for the errors.",
                        "Tous les ajustements k-means ont échoué ; voir les expériences pour les erreurs.")),
                "next": .string(
                    t(
                        "fix the data problems the errors name, then cluster again.",
                        "corriger les problèmes de données signalés, puis relancer le clustering.")),
            ]
        }
        var analysis = t(
            "k=\(best.k) has the highest silhouette of the \(all.count) values of k tried, on standardised features.",
            "k=\(best.k) a la silhouette la plus haute des \(all.count) valeurs de k essayées, sur variables standardisées."
        )
        if let r = brief.reference, best.adjustedRand != nil {
            analysis += t(
                " Against the reference '\(r)', adjusted_rand says how far the clusters recover the known labels (1 = the same grouping).",
                " Face à la référence '\(r)', adjusted_rand dit à quel point les groupes retrouvent les étiquettes connues (1 = le même regroupement)."
            )
        }
        return [
            "kind": "decision", "title": .string(t("Keep k-means with k=\(best.k)", "Garder k-means avec k=\(best.k)")),
            "run_ids": .strings([best.runID]), "analysis": .string(analysis),
            "next": .string(
                t(
                    "assign new rows with `mlexp predict \(best.runID) FILE`; describe each cluster by its feature means before naming it.",
                    "affecter de nouvelles lignes avec `mlexp predict \(best.runID) FICHIER` ; décrire chaque groupe par ses moyennes avant de le nommer."
                )),
        ]
    }

    // MARK: words on screen (numbers quoted from tool results)

    private static func f3(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }

    private func score(_ f: ClusterFit) -> String {
        "silhouette \(Self.f3(f.silhouette))" + (f.adjustedRand.map { ", adjusted_rand \(Self.f3($0))" } ?? "")
            + " (\(f.runID))"
    }

    func afterLoad() -> String {
        var s = t(
            "Framing: no target, so a clustering task: find natural groups in \(framing.rows) rows (\(framing.trainRows) fitted, \(framing.testRows) sealed). Plan: k-means on standardised features for k = \(ks.map(String.init).joined(separator: ", ")), k chosen by silhouette.",
            "Cadrage : pas de cible, donc une tâche de clustering : trouver des groupes naturels dans \(framing.rows) lignes (\(framing.trainRows) ajustées, \(framing.testRows) scellées). Plan : k-means sur variables standardisées pour k = \(ks.map(String.init).joined(separator: ", ")), k choisi par la silhouette."
        )
        if let r = brief.reference {
            s += t(
                "\n'\(r)' is held out as a reference: compared with the clusters (adjusted_rand), never a feature.",
                "\n'\(r)' est tenue à l'écart comme référence : comparée aux groupes (adjusted_rand), jamais une variable."
            )
        }
        for d in drops { s += t("\nLeaving out '\(d)'.", "\nJ'écarte '\(d)'.") }
        return s + t("\nWriting the context to the log.", "\nJ'écris le contexte dans le journal.")
    }

    func beforeTraining(_ k: Int, step: Int) -> String {
        let best =
            best(before: step).map {
                t("Best so far: k=\($0.k), \(score($0)).\n", "Meilleur jusqu'ici : k=\($0.k), \(score($0)).\n")
            } ?? ""
        return best
            + t(
                "Experiment: k-means with k=\(k). Hypothesis: \(hypothesis(k))",
                "Expérience : k-means avec k=\(k). Hypothèse : \(hypothesis(k))")
    }

    func beforeLog(_ k: Int, _ done: AutopilotHistory.Done) -> String {
        if let error = done.error {
            return t(
                "The fit failed: \(error)\nLogging this experiment.",
                "L'ajustement a échoué : \(error)\nJe consigne cette expérience.")
        }
        let sizes = (done.result["cluster_sizes"]?.arrayValue ?? []).compactMap(\.intValue).map(String.init).joined(
            separator: ", ")
        let fit = fits(before: Int.max).first { $0.k == k }
        return t(
            "k=\(k): \(fit.map(score) ?? "no silhouette"); cluster sizes \(sizes).\nLogging this experiment.",
            "k=\(k) : \(fit.map(score) ?? "pas de silhouette") ; tailles des groupes \(sizes).\nJe consigne cette expérience."
        )
    }

    func beforeDecision() -> String {
        guard let best = best(before: decisionStep) else {
            return t(
                "No fit succeeded. Writing the decision to the log.",
                "Aucun ajustement n'a réussi. J'écris la décision dans le journal.")
        }
        return t(
            "Highest silhouette: k=\(best.k), \(score(best)). Writing the decision to the log.",
            "Silhouette la plus haute : k=\(best.k), \(score(best)). J'écris la décision dans le journal.")
    }

    func final() -> String {
        guard let best = best(before: decisionStep) else {
            return t(
                "Decision: stop — no clustering could be fitted. The log is in \(brief.logPath).",
                "Décision : arrêt — aucun clustering n'a pu être ajusté. Le journal est dans \(brief.logPath).")
        }
        return t(
            "Decision: keep k-means with k=\(best.k), \(score(best)). The log is in \(brief.logPath).",
            "Décision : garder k-means avec k=\(best.k), \(score(best)). Le journal est dans \(brief.logPath).")
    }
}
