// ClusteringMessage in French.

extension ClusteringMessage {
    var french: String {
        switch self {
        case .problem(let path):
            "Trouver des groupes naturels dans les lignes de \(path) ; il n'y a pas de cible à prédire (clustering)."
        case .noColumnDropped: "aucune colonne écartée"
        case .droppedLabel: "écartées : "
        case .data(let path, let rows, let columns, let trainRows, let testRows, let dropped):
            "\(path) : \(rows) lignes, \(columns) colonnes ; k-means s'ajuste sur les \(trainRows) lignes d'entraînement (\(testRows) restent scellées) ; \(dropped)."
        case .referenceInData(let r):
            " '\(r)' est une étiquette connue, utilisée seulement comme référence (adjusted_rand), jamais comme variable."
        case .metric(let ks):
            "silhouette (plus haut est meilleur : groupes compacts et bien séparés), sur variables standardisées ; k choisi par la silhouette la plus haute parmi k = \(ks) ; l'inertie est donnée sans servir au choix (elle baisse toujours quand k grandit)."
        case .firstHypothesis(let k):
            "Les lignes forment au moins deux groupes : k-means avec k=\(k) sur variables standardisées les sépare (le clustering le plus simple, que tout k plus grand doit battre en silhouette)."
        case .hypothesis(let k):
            "k=\(k) groupes décrivent mieux les données que le meilleur k jusqu'ici : une silhouette plus haute signifie des groupes plus compacts et mieux séparés."
        case .everyColumn: "toutes les colonnes"
        case .everyColumnExcept(let drops): "toutes les colonnes sauf \(drops.joined(separator: ", "))"
        case .heldOutReference(let r): " ('\(r)' tenue à l'écart comme référence)"
        case .title(let k): "k-means, k=\(k)"
        case .approach(let k, let columns, let reference):
            "kmeans avec n_clusters=\(k), n_init=10, graine 42, sur \(columns)\(reference) ; colonnes numériques standardisées (moyenne 0, écart-type 1), catégories en one-hot ; ajusté et évalué sur les lignes d'entraînement."
        case .chooseK: "choisir k par la silhouette la plus haute, puis décider."
        case .nextK(let k): "k-means avec k=\(k)."
        case .fitFailed(let error): "L'ajustement a échoué : \(error ?? "erreur inconnue"). Ce k est écarté du choix."
        case .holds(let previousK, let previousRun, let k):
            "L'hypothèse tient : la silhouette est plus haute qu'avec k=\(previousK) (\(previousRun)), le meilleur jusqu'ici ; k=\(k) devient le candidat."
        case .rejected(let previousK, let previousRun):
            "L'hypothèse est rejetée : la silhouette n'est pas plus haute qu'avec k=\(previousK) (\(previousRun)) ; découper davantage rend les groupes moins séparés."
        case .first: "C'est le premier clustering : la silhouette à battre."
        case .referenceReported(let r):
            " adjusted_rand montre à quel point les groupes suivent '\(r)' ; il est rapporté, pas utilisé pour choisir k."
        case .stopTitle: "Arrêt : aucun clustering n'a pu être ajusté"
        case .stopAnalysis: "Tous les ajustements k-means ont échoué ; voir les expériences pour les erreurs."
        case .stopNext: "corriger les problèmes de données signalés, puis relancer le clustering."
        case .highest(let k, let tried):
            "k=\(k) a la silhouette la plus haute des \(tried) valeurs de k essayées, sur variables standardisées."
        case .againstReference(let r):
            " Face à la référence '\(r)', adjusted_rand dit à quel point les groupes retrouvent les étiquettes connues (1 = le même regroupement)."
        case .keepTitle(let k): "Garder k-means avec k=\(k)"
        case .keepNext(let run):
            "affecter de nouvelles lignes avec `mlexp predict \(run) FICHIER` ; décrire chaque groupe par ses moyennes avant de le nommer."
        case .framing(let rows, let trainRows, let testRows, let ks):
            "Cadrage : pas de cible, donc une tâche de clustering : trouver des groupes naturels dans \(rows) lignes (\(trainRows) ajustées, \(testRows) scellées). Plan : k-means sur variables standardisées pour k = \(ks), k choisi par la silhouette."
        case .referenceHeldOut(let r):
            "\n'\(r)' est tenue à l'écart comme référence : comparée aux groupes (adjusted_rand), jamais une variable."
        case .leavingOut(let d): "\nJ'écarte '\(d)'."
        case .writingContext: "\nJ'écris le contexte dans le journal."
        case .bestSoFar(let k, let score): "Meilleur jusqu'ici : k=\(k), \(score).\n"
        case .experiment(let k, let hypothesis): "Expérience : k-means avec k=\(k). Hypothèse : \(hypothesis)"
        case .fitFailedLogging(let error): "L'ajustement a échoué : \(error)\nJe consigne cette expérience."
        case .fitted(let k, let score, let sizes):
            "k=\(k) : \(score ?? "pas de silhouette") ; tailles des groupes \(sizes).\nJe consigne cette expérience."
        case .noFitSucceeded: "Aucun ajustement n'a réussi. J'écris la décision dans le journal."
        case .highestSilhouette(let k, let score):
            "Silhouette la plus haute : k=\(k), \(score). J'écris la décision dans le journal."
        case .finalStop(let logPath):
            "Décision : arrêt — aucun clustering n'a pu être ajusté. Le journal est dans \(logPath)."
        case .finalKeep(let k, let score, let logPath):
            "Décision : garder k-means avec k=\(k), \(score). Le journal est dans \(logPath)."
        }
    }
}
