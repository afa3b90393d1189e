import Yams

extension QuestionnaireLoader {
  /// Loads and checks a questionnaire from the tree Yams would compose from `text`, built by the
  /// caller (the SurveyJS import writes both at once): the same result as `load(text:file:)`,
  /// without parsing. `text` is what the questionnaire's hash and some messages read.
  static func load(tree root: YAMLNode, text: String, file: String) -> LoadResult {
    let document = YAMLDocument(file: file, text: text)
    let builder = QuestionnaireBuilder(document: document)
    let questionnaire = builder.build(root)
    let diagnostics = document.diagnostics.sortedByLocation()
    return LoadResult(questionnaire: diagnostics.hasErrors ? nil : questionnaire, diagnostics: diagnostics)
  }
}

extension QuestionnaireBuilder {
  /// Builds from a tree Yams composed (converted to the loader's nodes).
  func build(_ root: Node) -> Questionnaire? { build(YAMLNode(root)) }
}
