import Testing
import Foundation
import TerraformValues

@Test("stack probe") func stackProbe() throws {
  let kb = Int(ProcessInfo.processInfo.environment["PROBE_KB"] ?? "512")!
  let op = ProcessInfo.processInfo.environment["PROBE_OP"] ?? "none"
  var value = Value.string("x")
  var type = CtyType.string
  for _ in 0..<(CodecLimits.maximumNestingDepth - 1) { value = .list([value]); type = .list(type) }
  let wrapped = Value.dynamic(type, value)
  let bytes = try wrapped.messagePack(as: .dynamic)
  let json = try wrapped.json(as: .dynamic)
  let typeJSON = type.json
  let ok = LockedFlag()
  let thread = Thread {
    switch op {
    case "encode": _ = try! wrapped.messagePack(as: .dynamic)
    case "decode": _ = try! Value(messagePack: bytes, as: .dynamic)
    case "jsonencode": _ = try! wrapped.json(as: .dynamic)
    case "jsondecode": _ = try! Value(json: json, as: .dynamic)
    case "typejson": _ = try! CtyType(json: typeJSON)
    case "typejsonencode": _ = type.json
    case "equal": _ = wrapped == Value.dynamic(type, value)
    case "hash": _ = wrapped.hashValue
    case "conform": _ = wrapped.conformanceErrors(to: .dynamic)
    case "known": _ = wrapped.isWhollyKnown
    default: break
    }
    ok.set()
  }
  thread.stackSize = kb * 1024
  thread.start()
  Thread.sleep(forTimeInterval: 0.3)
  print("stack \(kb)KB ok=\(ok.value)")
}

final class LockedFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var flag = false
  func set() { lock.lock(); flag = true; lock.unlock() }
  var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}
