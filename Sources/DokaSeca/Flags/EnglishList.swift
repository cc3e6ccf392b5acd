/// "a", "a and b", "a, b and c": for messages that name several flags, which read better as
/// prose than as a bracketed list.
func englishList(_ items: [String]) -> String {
  switch items.count {
  case 0: return ""
  case 1: return items[0]
  default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }
}
