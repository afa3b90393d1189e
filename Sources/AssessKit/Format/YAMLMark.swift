import Yams

/// Places for nodes built without Yams's parser (`FastYAML`, `YAMLTreeWriter`).
///
/// `Yams.Mark` keeps its initializer to itself. A mark is two `Int`s (line, column), so it is made
/// from them, but only when a check at first use confirms exactly that layout; otherwise both
/// readers leave every text to Yams, as before.
enum YAMLMark {
  /// Whether marks can be made from two integers in this build of Yams (checked once per process).
  static let available: Bool = {
    guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
      MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment
    else { return false }
    let mark = unsafeBitCast((7, 11), to: Mark.self)
    return mark.line == 7 && mark.column == 11
  }()

  /// A mark at `line`:`column`; call only when `available` is true.
  static func make(line: Int, column: Int) -> Mark {
    unsafeBitCast((line, column), to: Mark.self)
  }
}
