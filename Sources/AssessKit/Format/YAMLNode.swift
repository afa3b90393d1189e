import Yams

/// A node of a YAML document as the questionnaire loader reads it: a scalar's text and style, or
/// a collection's items, and the node's place.
///
/// `FastYAML` and the SurveyJS import's `YAMLTreeWriter` make these directly; a text only Yams can
/// read is composed by Yams and converted (`init(_ node: Node)`). Yams's own `Node` is an enum of
/// structs that each hold a tag object and anchor references, so every copy of one (and iterating a
/// mapping copies each pair) retained and released several objects: that was most of the builder's
/// cost. A mapping's keys are compared as plain strings.
///
/// A `YAMLNode` is a value (a stride of 32 bytes), kept inline in its parent's `items`: a scalar, most of a
/// document's nodes, is no allocation of its own (only its text when longer than 15 bytes), and a
/// collection is one array. As a class (one object per node, 3.3 million for 100,000 questions) the
/// tree's allocation, page faults and release were a fifth of a load.
struct YAMLNode {
  enum Kind: UInt8 {
    case scalar, mapping, sequence, alias
  }

  /// A scalar's text or a collection's items, in one field: a node is 26 bytes (a stride of 32 in
  /// its parent's array; a document of 100,000 questions has 3.3 million), and copying a scalar
  /// retains its text only.
  private enum Content {
    case text(String)
    case items([YAMLNode])
  }

  private let content: Content
  private let line32: Int32
  private let column32: Int32
  let kind: Kind
  /// A scalar's style (plain, quoted, literal, folded); `.any` for the other kinds.
  let style: Node.Scalar.Style

  /// A scalar's text; empty for the other kinds.
  var string: String {
    if case .text(let text) = content { return text }
    return ""
  }

  /// A sequence's items, or a mapping's keys and values alternating (key 0, value 0, key 1, ...);
  /// empty for the other kinds.
  var items: [YAMLNode] {
    if case .items(let items) = content { return items }
    return []
  }

  /// The node's line, from 1; 0 when the node has no place (Yams nodes made by hand).
  var line: Int { Int(line32) }
  /// The node's column, from 1; 0 when the node has no place.
  var column: Int { Int(column32) }

  init(kind: Kind, string: String = "", style: Node.Scalar.Style = .any, line: Int, column: Int, items: [YAMLNode] = [])
  {
    self.kind = kind
    self.content = kind == .scalar ? .text(string) : .items(items)
    self.style = style
    // A place past 2^31 (a text of more than 2 GB) is clamped, never trapped on.
    self.line32 = Int32(clamping: line)
    self.column32 = Int32(clamping: column)
  }

  /// A scalar.
  static func scalar(_ string: String, _ style: Node.Scalar.Style, line: Int, column: Int) -> YAMLNode {
    YAMLNode(kind: .scalar, string: string, style: style, line: line, column: column)
  }

  /// A mapping of `keysAndValues` (key, value, key, value, ...).
  static func mapping(_ keysAndValues: [YAMLNode], line: Int, column: Int) -> YAMLNode {
    YAMLNode(kind: .mapping, line: line, column: column, items: keysAndValues)
  }

  /// A sequence of `items`.
  static func sequence(_ items: [YAMLNode], line: Int, column: Int) -> YAMLNode {
    YAMLNode(kind: .sequence, line: line, column: column, items: items)
  }

  /// The node Yams composed, converted (with every child, marks and scalar styles).
  init(_ node: Node) {
    let line = node.mark?.line ?? 0
    let column = node.mark?.column ?? 0
    switch node {
    case .scalar(let scalar):
      self.init(kind: .scalar, string: scalar.string, style: scalar.style, line: line, column: column)
    case .mapping(let mapping):
      var items: [YAMLNode] = []
      items.reserveCapacity(mapping.count * 2)
      for (key, value) in mapping {
        items.append(YAMLNode(key))
        items.append(YAMLNode(value))
      }
      self.init(kind: .mapping, line: line, column: column, items: items)
    case .sequence(let sequence):
      self.init(kind: .sequence, line: line, column: column, items: sequence.map { YAMLNode($0) })
    case .alias:
      self.init(kind: .alias, line: line, column: column)
    }
  }

  /// The same tree as Yams's nodes (tags as the basic resolver gives them), for readers that take
  /// Yams's `Node` (answers files); `nil` when marks cannot be made or for an alias.
  func yamsNode() -> Node? {
    guard YAMLMark.available else { return nil }
    let mark: Mark? = line > 0 ? YAMLMark.make(line: line, column: column) : nil
    switch kind {
    case .scalar:
      let scalar = Node.Scalar(string, Tag(Tag.Name.str, Resolver.basic), style, mark)
      return Node.scalar(scalar)
    case .mapping:
      let items = self.items
      var pairs: [(Node, Node)] = []
      pairs.reserveCapacity(items.count / 2)
      var i = 0
      while i + 1 < items.count {
        guard let k = items[i].yamsNode(), let v = items[i + 1].yamsNode() else { return nil }
        pairs.append((k, v))
        i += 2
      }
      let mapping = Node.Mapping(pairs, Tag(Tag.Name.map, Resolver.basic), Node.Mapping.Style.any, mark)
      return Node.mapping(mapping)
    case .sequence:
      var nodes: [Node] = []
      nodes.reserveCapacity(items.count)
      for item in items {
        guard let node = item.yamsNode() else { return nil }
        nodes.append(node)
      }
      let sequence = Node.Sequence(nodes, Tag(Tag.Name.seq, Resolver.basic), Node.Sequence.Style.any, mark)
      return Node.sequence(sequence)
    case .alias:
      return nil
    }
  }

  /// A scalar's text; nil for the other kinds.
  var scalarText: String? { kind == .scalar ? string : nil }

  var isScalar: Bool { kind == .scalar }

  /// A sequence's items; nil for the other kinds.
  var sequenceItems: [YAMLNode]? { kind == .sequence ? items : nil }

  /// A mapping's pairs, in order; nil for the other kinds.
  var mappingPairs: Pairs? { kind == .mapping ? Pairs(items: items) : nil }

  /// The pairs of a mapping (empty for the other kinds).
  var pairs: Pairs { Pairs(items: kind == .mapping ? items : []) }

  /// The number of pairs of a mapping.
  var pairCount: Int { kind == .mapping ? items.count / 2 : 0 }

  /// The pairs of a mapping, as (key, value).
  struct Pairs: Sequence {
    let items: [YAMLNode]
    var count: Int { items.count / 2 }

    struct Iterator: IteratorProtocol {
      let items: [YAMLNode]
      var position = 0
      mutating func next() -> (key: YAMLNode, value: YAMLNode)? {
        guard position + 1 < items.count else { return nil }
        defer { position += 2 }
        return (items[position], items[position + 1])
      }
    }

    func makeIterator() -> Iterator { Iterator(items: items) }
  }

  /// The value under `key` (the first of that name) when this is a mapping.
  func value(forKey key: String) -> YAMLNode? {
    guard kind == .mapping else { return nil }
    var i = 0
    while i + 1 < items.count {
      let k = items[i]
      if k.kind == .scalar && k.string == key { return items[i + 1] }
      i += 2
    }
    return nil
  }

  /// The text of the value under `key` when this is a mapping and that value a scalar.
  func text(forKey key: String) -> String? {
    guard kind == .mapping else { return nil }
    var i = 0
    while i + 1 < items.count {
      let k = items[i]
      if k.kind == .scalar && k.string == key {
        let v = items[i + 1]
        return v.kind == .scalar ? v.string : nil
      }
      i += 2
    }
    return nil
  }

  /// A scalar read as a whole number the way Yams reads one (`0x1A`, `1_000`, `1:30`, ...).
  var int: Int? {
    guard kind == .scalar else { return nil }
    return Int.construct(from: Node.Scalar(string))
  }

  /// A short name of the node's kind, for messages.
  var kindName: String {
    switch kind {
    case .scalar: return "a single value"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}
