/// Edit distance for "did you mean" suggestions.
///
/// Optimal string alignment (restricted Damerau–Levenshtein): insertions, deletions,
/// substitutions and transpositions of two adjacent characters each cost 1. Transpositions
/// matter because they are the commonest typo (`enable_kyevrno`). Works on Unicode scalars so a
/// stray non-ASCII character counts once, not once per UTF-8 byte.
enum EditDistance {
  static func optimalStringAlignment(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }

    // Three rolling rows: a transposition looks two rows back.
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = min(best, beforePrevious[j - 2] + 1)
        }
        current[j] = best
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
