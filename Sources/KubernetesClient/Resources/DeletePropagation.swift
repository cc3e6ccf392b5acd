/// What happens to an object's dependents (its ReplicaSets, Pods…) when it is deleted.
public enum DeletePropagation: String, Sendable, Hashable {
  /// The object stays, marked for deletion, until the garbage collector has deleted its
  /// dependents.
  case foreground = "Foreground"
  /// The object goes at once; the garbage collector deletes its dependents afterwards.
  case background = "Background"
  /// The dependents are left behind.
  case orphan = "Orphan"
}
