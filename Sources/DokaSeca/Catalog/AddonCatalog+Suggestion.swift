extension AddonCatalog {
  /// The prefix every DoKa Seca flag carries, and the one users most often leave out.
  static let flagPrefix = "enable_"

  /// The valid flag closest to `unknownFlag`, for a "did you mean" hint; `nil` when nothing is
  /// reasonably close.
  ///
  /// The input is compared as written and, when it lacks it, with the `enable_` prefix added
  /// (`kyverno` → `enable_kyverno`); case and `-` versus `_` are ignored
  /// (`Enable-Cert-Manager` → `enable_cert_manager`). A candidate counts only if its edit
  /// distance is at most a third of the input's length without the prefix (at least 2), or at
  /// most 1 for inputs of four characters or fewer, where 2 edits would make almost any short
  /// flag look close. Ties go to the alphabetically first flag so the hint is deterministic.
  /// A flag that is already valid is its own suggestion.
  public func suggestion(for unknownFlag: String) -> String? {
    var normalized = ""
    for character in unknownFlag.lowercased() {
      normalized.append(character == "-" || character == " " ? "_" : character)
    }
    var variants = [normalized]
    if !normalized.hasPrefix(Self.flagPrefix) {
      variants.append(Self.flagPrefix + normalized)
    }

    var best: (distance: Int, flag: String)?
    for variant in variants {
      let stemLength =
        variant.hasPrefix(Self.flagPrefix)
        ? variant.unicodeScalars.count - Self.flagPrefix.unicodeScalars.count
        : variant.unicodeScalars.count
      let allowed = stemLength <= 4 ? 1 : max(2, stemLength / 3)
      for flag in flags {
        let distance = EditDistance.optimalStringAlignment(variant, flag)
        guard distance <= allowed else { continue }
        if let current = best,
          current.distance < distance || (current.distance == distance && current.flag < flag)
        {
          continue
        }
        best = (distance, flag)
      }
    }
    return best?.flag
  }
}
