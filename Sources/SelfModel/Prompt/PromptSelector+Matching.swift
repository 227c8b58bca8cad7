extension PromptSelector {
  /// The relevance of every belief to one request, and which beliefs have any.
  struct Matches {
    var relevance: [Double]
    var touched: [Int] = []
    /// The relevance function's value per belief, when the request has one.
    var custom: [Double]? = nil
    /// The text of each named prefix's and tag's reason, with its length in characters: made
    /// once per request, not once per line.
    var prefixTexts: [(text: String, length: Int)] = []
    var tagTexts: [(text: String, length: Int)] = []

    mutating func raise(_ index: Int, to value: Double) {
      if relevance[index] == 0 && value > 0 { touched.append(index) }
      relevance[index] = max(relevance[index], value)
    }
  }

  /// Finds every belief the request names, by key, prefix, tag or relevance function.
  func match(_ request: PromptQuery) throws(ModelError) -> Matches {
    var matches = Matches(relevance: Array(repeating: 0, count: rows.count))
    matches.touched.reserveCapacity(rows.count)
    if request.namesNothing {
      for index in rows.indices { matches.raise(index, to: 1) }
      return matches
    }
    for key in request.keys {
      guard let index = keyIndex[key] else { throw .unknownBelief(key) }
      matches.raise(index, to: 1)
    }
    for prefix in request.keyPrefixes {
      try Check.text(prefix, field: "key prefix", maximum: Identifier<BeliefTag>.maximumLength)
      for index in prefixRange(prefix) { matches.raise(keyOrder[index], to: 1) }
      matches.prefixTexts.append(Self.text(of: .keyPrefix(prefix)))
    }
    for tag in request.tags {
      try Check.text(tag, field: "tag", maximum: Check.maximumOutcomeLength)
      for index in tagIndex[tag] ?? [] { matches.raise(index, to: 1) }
      matches.tagTexts.append(Self.text(of: .tag(tag)))
    }
    if let relevance = request.relevance {
      matches.custom = try custom(relevance, into: &matches)
    }
    return matches
  }

  private func custom(
    _ relevance: @Sendable (BeliefDefinition) -> Double?, into matches: inout Matches
  ) throws(ModelError) -> [Double] {
    var values = Array(repeating: 0.0, count: rows.count)
    for index in rows.indices {
      guard let value = relevance(definitions[index]) else { continue }
      try Check.unitInterval(value, field: "relevance of belief \(definitions[index].key)")
      values[index] = value
      matches.raise(index, to: value)
    }
    return values
  }

  /// A reason's text and its length in characters.
  static func text(of reason: PromptReason) -> (text: String, length: Int) {
    let text = reason.description
    return (text, text.count)
  }

  /// The positions in ``keyOrder`` of the keys that start with `prefix`: two binary searches,
  /// for the first key not before the prefix and the first key after every key it starts.
  func prefixRange(_ prefix: String) -> Range<Int> {
    let bytes = Array(prefix.utf8)
    let low = firstPosition { $0.lexicographicallyPrecedes(bytes) }
    let high = firstPosition { $0.lexicographicallyPrecedes(bytes) || $0.starts(with: bytes) }
    return low..<max(low, high)
  }

  /// The first position in ``orderedKeyBytes`` where `isBefore` turns false (it must be true
  /// for a prefix of the positions and false for the rest).
  private func firstPosition(where isBefore: ([UInt8]) -> Bool) -> Int {
    var low = 0
    var high = orderedKeyBytes.count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(orderedKeyBytes[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Why belief `index` was considered, in a fixed order (key, prefixes, tags, relevance), and
  /// its rendered line: its prefix (see ``linePrefix(_:)``), the reasons' texts joined by ", ",
  /// and ")", appended into one string. Every reason's text starts and ends with ASCII, as the
  /// prefix ends with it, so no grapheme cluster spans a seam and the line's length in
  /// characters is the sum of its parts' (precomputed) lengths.
  ///
  /// `- very likely: Prefers concise answers (p 0.86, strong evidence; why: tag "style")`.
  func reasonsAndLine(_ index: Int, _ matches: Matches, _ request: PromptQuery) -> (
    reasons: [PromptReason], line: String, length: Int
  ) {
    let prefix = linePrefixes[index]
    var line = ""
    line.reserveCapacity(prefix.utf8.count + 64)
    line += prefix
    var length = linePrefixLengths[index] + 1
    var reasons: [PromptReason] = []
    func add(_ reason: PromptReason, _ text: (text: String, length: Int)) {
      if !reasons.isEmpty {
        line += ", "
        length += 2
      }
      reasons.append(reason)
      line += text.text
      length += text.length
    }
    if request.namesNothing { add(.anyBelief, ("general", 7)) }
    let key = definitions[index].key
    if request.keys.contains(key) { add(.key, ("named", 5)) }
    for (position, prefix) in request.keyPrefixes.enumerated()
    where key.rawValue.utf8.starts(with: prefix.utf8) {
      add(.keyPrefix(prefix), matches.prefixTexts[position])
    }
    for (position, tag) in request.tags.enumerated() where definitions[index].tags.contains(tag) {
      add(.tag(tag), matches.tagTexts[position])
    }
    if let value = matches.custom?[index], value > 0 {
      add(.relevance(value), Self.text(of: .relevance(value)))
    }
    line += ")"
    return (reasons, line, length)
  }
}
