// Curves small enough to hand on: a ROC or precision-recall curve of a million rows has up to a million
// points, which made notebooks of hundreds of megabytes. `decimate` keeps at most `maxPoints` of them
// by Ramer–Douglas–Peucker: the first and last points, the extremes of y, then the points farthest
// from the polyline kept so far (the points where the curve turns), with the tolerance doubled from
// 1e-4 until the budget holds. Every dropped point lies within the returned tolerance (distance in the
// curve's own units, perpendicular to the kept segment) of the kept polyline (a segment's distance, not the line's).
// Leaves out: smoothing (the kept points are the curve's own).

public enum CurveDecimation {
    /// The indices of the points kept (ascending) and the largest distance of a dropped point to the
    /// kept polyline's segment over it. - Complexity: O(n log n) per tolerance tried, typically.
    public static func decimate(x: [Double], y: [Double], maxPoints: Int = 500) -> (kept: [Int], tolerance: Double) {
        let n = min(x.count, y.count)
        guard n > maxPoints, maxPoints >= 4 else { return (Array(0..<n), 0) }
        var tolerance = 1e-4
        while true {
            let kept = simplify(x, y, n, tolerance)
            if kept.count <= maxPoints { return (kept, tolerance) }
            tolerance *= 2
        }
    }

    /// Ramer–Douglas–Peucker with the extremes of y forced in, iterative (no deep recursion).
    static func simplify(_ x: [Double], _ y: [Double], _ n: Int, _ tolerance: Double) -> [Int] {
        var keep = [Bool](repeating: false, count: n)
        var anchors = [0, n - 1]
        var lo = 0, hi = 0
        for i in 0..<n {
            if y[i] < y[lo] { lo = i }
            if y[i] > y[hi] { hi = i }
        }
        anchors += [lo, hi]
        anchors = Array(Set(anchors)).sorted()
        for a in anchors { keep[a] = true }
        var stack: [(Int, Int)] = zip(anchors, anchors.dropFirst()).map { ($0, $1) }
        while let (a, b) = stack.popLast() {
            guard b - a > 1 else { continue }
            var far = -1.0, at = a
            for i in (a + 1)..<b {
                let d = distance(x[i], y[i], x[a], y[a], x[b], y[b])
                if d > far { far = d; at = i }
            }
            if far > tolerance {
                keep[at] = true
                stack.append((a, at)); stack.append((at, b))
            }
        }
        return (0..<n).filter { keep[$0] }
    }

    /// Distance from (px, py) to the segment (ax, ay)–(bx, by).
    public static func distance(
        _ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double
    ) -> Double {
        let dx = bx - ax, dy = by - ay
        let squared = dx * dx + dy * dy
        let t = squared == 0 ? 0 : min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / squared))
        let ex = px - (ax + t * dx), ey = py - (ay + t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }
}
